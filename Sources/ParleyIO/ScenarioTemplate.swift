/// The commented scenario that `parley init` writes: every field of `parley/1` with a
/// placeholder value and a comment saying what it means. It reads as a valid scenario.
public enum ScenarioTemplate {
    /// The template's YAML text.
    public static let yaml = """
        # A Parley scenario (format parley/1). Check it with: parley validate FILE
        # Field reference: docs/scenario-format.md
        format: parley/1
        name: My negotiation                   # required
        summary: One paragraph on what is being negotiated, by whom, and when.
        as_of: 2001-11-26                      # the day the coding stands at; later evidence is hindsight

        sources:                               # every document the evidence cites
          - id: source-one                     # lowercase letters, digits and hyphens
            title: Title of the article or report
            author: Author
            date: 2001-11-20                   # YYYY, YYYY-MM or YYYY-MM-DD
            # text: sources/source-one.txt     # a local copy: quotes are checked against it

        forum:                                 # optional: how the forum decides
          rule: consensus                      # consensus | unanimity | majority | qualified-majority
          # members: [party-a, party-b]        # who decides; default: every stakeholder
          # threshold: 0.6                     # majority (default 0.5) and qualified-majority only
          setter: party-a                      # the agenda setter, who drafts the proposal
          status_quo_cost: 0                   # what each member loses if talks fail, in scale units

        issues:                                # at least one
          - id: first-issue
            name: What is being decided, as a quantity
            scale: {min: 0, max: 100, unit: percent}
            anchors: {0: none, 50: half, 100: all}
            status_quo: {value: 20}            # the outcome if no agreement is reached
            # observed: {value: 60, range: [55, 65], source: source-one}   # once history knows

        stakeholders:                          # at least one
          - id: party-a
            name: Party A
            capability: 60                     # >= 0, relative power: only ratios matter
            stances:
              first-issue:
                position: 75                   # the preferred outcome, on the issue's scale
                salience: 90                   # how much it matters, 0-100
                evidence:
                  - {source: source-one, quote: "the source's own words", kind: quote, about: position}
                  # kind: paraphrase (your summary) or inference (your conclusion)
                # codings: [{coder: c1, position: 70, salience: 90}, {coder: c2, position: 80, salience: 85}]
          - id: party-b
            name: Party B
            capability: 40
            stances:
              first-issue: {position: {value: 30, range: [20, 45]}, salience: 70}   # a range: your uncertainty

        notes:                                 # optional text that reports print as they are
          - {id: background, title: Background, text: What a reader should know about this case.}

        uncertainty:                           # optional default spreads for Monte Carlo
          position: {sd: 5}                    # scale units
          salience: {sd: 10}                   # 0-100 points
          capability: {relative-sd: 0.2}       # a fraction of the value

        """
}
