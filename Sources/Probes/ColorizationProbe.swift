import Course
import RepLearn

/// Lecture 5 over the wire.
enum ColorizationProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any ColorizationExercises) throws {
        switch m {
        default: throw WireError("\(m) is not a lecture-5 function")
        }
    }
}

/// Lecture 5's protocol, answered by a worker.
public struct RemoteColorization: ColorizationExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }
}
