import ArgumentParser
import Foundation
import ParleyReports
import ParleyServer
import ParleyStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the local web app and JSON API: edit a scenario in the browser, rerun the models, compare runs.",
        discussion: """
            Listens on 127.0.0.1 only, unless --host says otherwise (there is no authentication: anyone who can \
            reach the port can run models and read the run store). The API is under /api, described by \
            /api/openapi.json; results are the same JSON as the commands' --json. Request bodies, Monte Carlo \
            work and compute time are bounded; refused requests get a JSON error naming the flag that raises the limit. \
            Stop with Ctrl-C (or SIGTERM).

            Example:
              parley serve
              parley serve --port 0            # any free port; the address is printed
              curl --data-binary @Examples/bonn-2001.yaml -H 'Content-Type: application/yaml' http://127.0.0.1:8080/api/forecast
            """)

    @Option(help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody = 4 * 1024 * 1024

    @Option(help: ArgumentHelp("Seconds one computation may take, waiting included.", valueName: "seconds"))
    var computeSeconds = 10.0

    @Option(help: "The most Monte Carlo runs one request may ask for.")
    var maxRuns = 20_000

    @Option(help: ArgumentHelp("The most evaluations (runs × models × stakeholders × issues) one Monte Carlo request may ask for.", valueName: "n"))
    var maxWork = 50_000_000

    @Option(help: "Computations at once (default: the CPUs this process may use, minus one, at least 1).")
    var workers: Int?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxBody >= 1024 else { throw ValidationError("--max-body must be at least 1024 bytes") }
        guard computeSeconds > 0, computeSeconds <= 3600 else { throw ValidationError("--compute-seconds must be more than 0 and at most 3600") }
        guard maxRuns >= 1 else { throw ValidationError("--max-runs must be at least 1") }
        guard maxWork >= 1 else { throw ValidationError("--max-work must be at least 1") }
        if let workers, workers < 1 || workers > 256 { throw ValidationError("--workers must be from 1 to 256") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, for example 127.0.0.1") }
    }

    func run() async throws {
        let configuration = ServerConfiguration(
            host: host, port: port, maxBodyBytes: maxBody, computeSeconds: computeSeconds, maxRuns: maxRuns,
            maxMonteCarloWork: maxWork, workers: workers, storePath: storeOptions.path,
            recordRuns: !storeOptions.noStore)
        if !configuration.isLoopback {
            Console.err(Console.stderrStyle.yellow("warning: ") + "listening on \(host): anyone who can reach this address can run models\(storeOptions.noStore ? "" : " and read the run store at \(storeOptions.path)"); there is no authentication")
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        do {
            try await ParleyApp.serve(configuration: configuration, version: ParleyVersion.current) { bound in
                Console.out("Parley is serving on http://\(shownHost):\(bound)  (API: /api/openapi.json; Ctrl-C stops)")
            }
        } catch let error as ServerStartError {
            Console.err(Console.stderrStyle.red("error: ") + error.message)
            throw ExitCode(ExitStatus.internalError.rawValue)
        } catch {
            Console.err(Console.stderrStyle.red("error: ") + "cannot serve on \(shownHost):\(port): \(error)")
            throw ExitCode(ExitStatus.internalError.rawValue)
        }
    }
}
