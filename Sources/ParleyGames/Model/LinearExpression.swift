/// A payoff or probability written in terms of named parameters: a constant plus a sum of
/// rational multiples of parameters, such as `gain + cost` or `1 - prior`.
///
/// Grammar (tokens separated by spaces, since ids may contain `-`): `term (("+" | "-") term)*`,
/// `term := [number "*"] name | number`, numbers written as ``Rational`` reads them (`3`, `1/2`, `0.25`).
public struct LinearExpression: Sendable, Hashable, CustomStringConvertible {
    public var constant: Rational
    /// Coefficient per parameter id, in order of first use.
    public var terms: [(parameter: String, coefficient: Rational)]

    public init(constant: Rational, terms: [(parameter: String, coefficient: Rational)] = []) {
        self.constant = constant
        self.terms = terms
    }

    /// Parses `text`; `nil` with a message when it is not of the grammar above.
    public static func parse(_ text: String) -> Result<LinearExpression, GameError> {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).flatMap { token -> [Substring] in
            // Allow "2*x" as well as "2 * x".
            guard token.contains("*"), token != "*" else { return [token] }
            var parts: [Substring] = []
            for (k, piece) in token.split(separator: "*", omittingEmptySubsequences: false).enumerated() {
                if k > 0 { parts.append("*") }
                if !piece.isEmpty { parts.append(piece) }
            }
            return parts
        }
        guard !tokens.isEmpty else { return .failure(GameError(.invalidValue, "empty expression")) }
        var expression = LinearExpression(constant: .zero)
        var sign = Rational.one
        var index = 0
        var expectTerm = true
        while index < tokens.count {
            let token = tokens[index]
            if !expectTerm {
                guard token == "+" || token == "-" else {
                    return .failure(GameError(.invalidValue, "in '\(text)': expected + or - before '\(token)'",
                                              hint: "separate operators with spaces: ids may contain '-', as in 'a - b'"))
                }
                sign = token == "+" ? .one : -.one
                expectTerm = true
                index += 1
                continue
            }
            if token == "-" {
                sign = -sign
                index += 1
                continue
            }
            var coefficient = sign
            var name: Substring?
            if let number = Rational(token) {
                if index + 2 < tokens.count + 1, index + 1 < tokens.count, tokens[index + 1] == "*" {
                    guard index + 2 < tokens.count else {
                        return .failure(GameError(.invalidValue, "in '\(text)': '*' must be followed by a parameter name"))
                    }
                    coefficient *= number
                    name = tokens[index + 2]
                    index += 3
                } else {
                    expression.constant += sign * number
                    index += 1
                }
            } else {
                name = token
                index += 1
            }
            if let name {
                guard name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    return .failure(GameError(.invalidValue, "in '\(text)': '\(name)' is neither a number nor a parameter name"))
                }
                expression.add(String(name), coefficient)
            }
            sign = .one
            expectTerm = false
        }
        guard !expectTerm else { return .failure(GameError(.invalidValue, "in '\(text)': the expression ends with an operator")) }
        return .success(expression)
    }

    mutating func add(_ parameter: String, _ coefficient: Rational) {
        if let k = terms.firstIndex(where: { $0.parameter == parameter }) {
            terms[k].coefficient += coefficient
        } else {
            terms.append((parameter, coefficient))
        }
    }

    /// The value with each parameter taken from `values`; `nil` names the first missing parameter.
    public func evaluate(_ values: [String: Rational]) -> Result<Rational, GameError> {
        var total = constant
        for term in terms {
            guard let value = values[term.parameter] else {
                return .failure(GameError(.invalidValue, "unknown parameter '\(term.parameter)'"))
            }
            total += term.coefficient * value
        }
        return .success(total)
    }

    public var description: String {
        var parts: [String] = []
        for term in terms {
            let magnitude = term.coefficient.signum < 0 ? -term.coefficient : term.coefficient
            let body = magnitude == .one ? term.parameter : "\(magnitude) * \(term.parameter)"
            parts.append(parts.isEmpty ? (term.coefficient.signum < 0 ? "- " + body : body) : (term.coefficient.signum < 0 ? "- " : "+ ") + body)
        }
        if !constant.isZero || parts.isEmpty {
            let magnitude = constant.signum < 0 ? -constant : constant
            parts.append(parts.isEmpty ? constant.description : (constant.signum < 0 ? "- " : "+ ") + magnitude.description)
        }
        return parts.joined(separator: " ")
    }

    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> Bool {
        lhs.constant == rhs.constant && lhs.terms.count == rhs.terms.count
            && zip(lhs.terms, rhs.terms).allSatisfy { $0.parameter == $1.parameter && $0.coefficient == $1.coefficient }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(constant)
        for term in terms {
            hasher.combine(term.parameter)
            hasher.combine(term.coefficient)
        }
    }
}
