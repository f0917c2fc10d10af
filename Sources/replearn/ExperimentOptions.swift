import ArgumentParser
import Course
import Foundation
import RepLearn

/// What `run` and `walk` share: which module, whose code, where the figures go.
struct ExperimentOptions: ParsableArguments {
    @Argument(help: "Module: \(Experiments.all.map(\.slug).joined(separator: ", ")).") var module: String
    @Option(help: "reference (Solutions/, the default) or student (your Exercises/).") var impl: ImplementationChoice = Edition.defaultImplementation
    @Option(help: "Output folder; figures go to DIR/<module>/.") var out: String = "out"
    @Flag(help: "Shortened run (fewer training steps; same code path), for CI or a first look.") var quick = false
    @Option(help: "mae: masking ratios to sweep, comma-separated (default 0.15,0.25,0.5,0.75,0.9).") var ratios: String?

    /// The module, its fresh experiment, and a console context.
    func resolve() throws -> (ModuleInfo, Experiment, ExperimentContext) {
        guard let m = Syllabus.module(module), let experiment = Experiments.named(m.slug) else {
            throw UsageError("no module '\(module)'; known: \(Experiments.all.map(\.slug).joined(separator: ", "))")
        }
        var sweep: [Double]? = nil
        if let ratios {
            let values = ratios.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! >= 0 && $0! < 1 }) else {
                throw UsageError("--ratios takes comma-separated masking ratios in [0, 1), e.g. 0.5,0.75; got '\(ratios)'")
            }
            sweep = values.map { $0! }
        }
        try AtomicFile.checkWritableFolder(URL(fileURLWithPath: out).appendingPathComponent(m.slug), what: "--out")
        return (m, experiment, ExperimentContext(impls: try impl.implementations(), outRoot: URL(fileURLWithPath: out), reporter: ConsoleReporter(),
                                                 quick: quick, ratios: sweep))
    }
}

/// A student's stub reached by an experiment: say which, and how to go on.
struct StubReached: Error, CustomStringConvertible {
    let stub: NotImplemented
    let module: String
    var description: String {
        "\(stub) — the experiment needs it. Finish it (check with `swift test`), or run the reference: "
            + "`\(Invocation.command("run \(module)", release: true))` / `\(Invocation.command("walk \(module)", release: true))`."
    }
}

extension ExperimentOptions {
    /// Runs `body`, turning a stub's NotImplemented into advice.
    func explainingStubs(_ body: () throws -> Void) throws {
        do { try body() } catch let stub as NotImplemented { throw StubReached(stub: stub, module: module) }
    }
}
