import ArgumentParser
import Course
import Foundation
import RepLearn

/// What `run` and `walk` share: which module, whose code, where the figures go.
struct ExperimentOptions: ParsableArguments {
    @Argument(help: "Module: \(Experiments.all.map(\.slug).joined(separator: ", ")).") var module: String
    @Option(help: "reference (Solutions/, the default) or student (your Exercises/).") var impl: ImplementationChoice = Edition.defaultImplementation
    @Option(help: "Output folder; figures go to DIR/<module>/.") var out: String = "out"

    /// The module, its fresh experiment, and a console context.
    func resolve() throws -> (ModuleInfo, Experiment, ExperimentContext) {
        guard let m = Syllabus.module(module), let experiment = Experiments.named(m.slug) else {
            throw UsageError("no module '\(module)'; known: \(Experiments.all.map(\.slug).joined(separator: ", "))")
        }
        try AtomicFile.checkWritableFolder(URL(fileURLWithPath: out).appendingPathComponent(m.slug), what: "--out")
        return (m, experiment, ExperimentContext(impls: try impl.implementations(), outRoot: URL(fileURLWithPath: out), reporter: ConsoleReporter()))
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
