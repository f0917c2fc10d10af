import Course
import RepLearn

/// Lecture 3 over the wire.
enum KMeansProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any KMeansExercises) throws {
        switch m {
        case .squaredDistances: w.put(try impl.squaredDistances(try r.tensor(), try r.tensor()))
        case .assign: w.put(try impl.assign(try r.tensor(), try r.tensor()))
        case .updateCenters: w.put(try impl.updateCenters(try r.tensor(), assignments: try r.ints(), previous: try r.tensor()))
        case .objective: w.put(try impl.objective(try r.tensor(), try r.tensor(), assignments: try r.ints()))
        case .kmeansPlusPlus:
            let x = try r.tensor(), k = try r.int()
            var rng = try r.generator()
            w.put(try impl.kmeansPlusPlus(x, k: k, rng: &rng)); w.put(rng)
        case .kmeans:
            let res = try impl.kmeans(try r.tensor(), initial: try r.tensor(), maxIterations: try r.int())
            w.put(res.centers); w.put(res.assignments); w.put(res.objectives); w.put(res.iterations)
        case .oneHotEncode: w.put(try impl.oneHotEncode(try r.ints(), k: try r.int()))
        case .decode: w.put(try impl.decode(try r.tensor(), centers: try r.tensor()))
        default: throw WireError("\(m) is not a lecture-3 function")
        }
    }
}

/// Lecture 3's protocol, answered by a worker.
public struct RemoteKMeans: KMeansExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor {
        try link.invoke(.squaredDistances, { $0.put(x); $0.put(centers) }) { try $0.tensor() }
    }
    public func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] {
        try link.invoke(.assign, { $0.put(x); $0.put(centers) }) { try $0.ints() }
    }
    public func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try link.invoke(.updateCenters, { $0.put(x); $0.put(assignments); $0.put(previous) }) { try $0.tensor() }
    }
    public func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        try link.invoke(.objective, { $0.put(x); $0.put(centers); $0.put(assignments) }) { try $0.double() }
    }
    public func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        let g = rng
        let (c, after) = try link.invoke(.kmeansPlusPlus, { $0.put(x); $0.put(k); $0.put(g) }) { (try $0.tensor(), try $0.generator()) }
        rng = after
        return c
    }
    public func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        try link.invoke(.kmeans, { $0.put(x); $0.put(initial); $0.put(maxIterations) }) {
            KMeansResult(centers: try $0.tensor("centers"), assignments: try $0.ints("assignments"),
                         objectives: try $0.doubles("objectives"), iterations: try $0.int("iterations"))
        }
    }
    public func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor {
        try link.invoke(.oneHotEncode, { $0.put(assignments); $0.put(k) }) { try $0.tensor() }
    }
    public func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor {
        try link.invoke(.decode, { $0.put(codes); $0.put(centers) }) { try $0.tensor() }
    }
}
