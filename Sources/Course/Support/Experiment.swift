import Foundation
import RepLearn

/// Where an experiment writes, and whose code it runs.
public struct ExperimentContext {
    public let impls: Implementations
    public let outRoot: URL
    public let reporter: Reporter
    /// The shortened mode (`--quick`): the same code path with fewer training steps, for CI and a
    /// first look. Experiments that are fast anyway ignore it.
    public let quick: Bool
    /// Masking ratios for lecture 6's sweep (`--ratios 0.5,0.75`); nil: the lecture's own list.
    public let ratios: [Double]?

    public init(impls: Implementations, outRoot: URL, reporter: Reporter, quick: Bool = false, ratios: [Double]? = nil) {
        self.impls = impls; self.outRoot = outRoot; self.reporter = reporter; self.quick = quick; self.ratios = ratios
    }

    /// `outRoot/<slug>/`, created on demand.
    public func outDir(_ slug: String) -> URL {
        let dir = outRoot.appendingPathComponent(slug, isDirectory: true)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// How experiments talk to a person.
public protocol Reporter {
    func info(_ text: String)
    /// A file was written (the CLI says where).
    func wrote(_ url: URL, _ what: String)
}

/// Prints to stdout, wrapped to the terminal's width (80 columns in a log).
public struct ConsoleReporter: Reporter {
    let width = TextLayout.width()
    public init() {}
    public func info(_ text: String) { print(TextLayout.wrap(text, width: width, hanging: "  ").joined(separator: "\n")); fflush(stdout) }
    public func wrote(_ url: URL, _ what: String) {
        print(TextLayout.wrap("  wrote \(url.relativePath)  — \(what)", width: width, hanging: "    ").joined(separator: "\n"))
    }
}

/// A lecture's experiment: named steps that `replearn run` runs in order and `replearn walk`
/// runs where the notes place a `<!-- run: STEP -->` marker. Steps share state, so an
/// instance lives for one run.
public protocol Experiment: AnyObject {
    var slug: String { get }
    var steps: [String] { get }
    /// `DIR/<slug>/metrics.json`, opened by ``perform(step:_:)`` before the first step.
    var metrics: MetricsFile? { get set }
    /// One named step; called through ``perform(step:_:)``, which has checked the name.
    func run(step: String, _ context: ExperimentContext) throws
}

extension Experiment {
    /// Checks the step's name, opens the metrics file, runs the step.
    public func perform(step: String, _ context: ExperimentContext) throws {
        guard steps.contains(step) else {
            throw InputError("the \(slug) experiment has no step '\(step)' (steps: \(steps.joined(separator: ", ")))")
        }
        if metrics == nil { metrics = MetricsFile(context.outDir(slug).appendingPathComponent("metrics.json")) }
        try run(step: step, context)
    }

    public func runAll(_ context: ExperimentContext) throws {
        for step in steps {
            context.reporter.info(Terminal.running(step))
            try perform(step: step, context)
        }
        context.reporter.info("Figures and metrics: \(context.outDir(slug).relativePath)/")
    }
}

/// The course's experiments by module slug.
public enum Experiments {
    public struct Entry { public let slug: String; public let make: () -> Experiment }
    public static let all: [Entry] = [Entry(slug: "layers") { LayersExperiment() },
                                      Entry(slug: "autoencoders") { AutoencodersExperiment() },
                                      Entry(slug: "kmeans") { KMeansExperiment() },
                                      Entry(slug: "vq") { VQExperiment() },
                                      Entry(slug: "word2vec") { Word2VecExperiment() },
                                      Entry(slug: "colorization") { ColorizationExperiment() },
                                      Entry(slug: "mae") { MAEExperiment() },
                                      Entry(slug: "contrastive") { ContrastiveExperiment() },
                                      Entry(slug: "transfer") { TransferExperiment() }]
    public static func named(_ slug: String) -> Experiment? { all.first { $0.slug == slug }?.make() }
}

/// Writes `metrics` as pretty JSON, merging into what earlier steps of the same run wrote.
public final class MetricsFile {
    public let url: URL
    public private(set) var values: [String: Any] = [:]
    public init(_ url: URL) { self.url = url }

    public func set(_ key: String, _ value: Any) throws {
        values[key] = Self.clean(value)
        let data = try JSONSerialization.data(withJSONObject: values, options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(data, to: url)
    }

    /// Numbers as a reader wants them: a Float (or a Double that is exactly a Float, i.e. one
    /// converted from Float) is written with the Float's shortest digits — 0.025, not
    /// 0.02500000037252903. Dictionaries and arrays are cleaned recursively.
    static func clean(_ value: Any) -> Any {
        switch value {
        case let f as Float: return f.isFinite ? Double(f.description) ?? Double(f) : Double(f)
        case let d as Double:
            guard d.isFinite, let f = Float(exactly: d) else { return d }
            return Double(f.description) ?? d
        case let dict as [String: Any]: return dict.mapValues(clean)
        case let array as [Any]: return array.map(clean)
        default: return value
        }
    }
}
