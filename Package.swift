// swift-tools-version:5.10
import PackageDescription

// RepLearn: a course on representation learning, graded by numbers.
// Layout: Sources/ (library, course, grading, CLI), Exercises/ (student stubs),
// Solutions/ (reference), Tests/ (graders and mutants), Lectures/, datasets/.

// The instructor's edition has the reference (Solutions/) and the grader's own tests;
// `replearn release` writes the student's edition, where this is false and they are absent.
let instructorEdition = true

// Built only in the instructor's edition.
let reference: [Target.Dependency] = instructorEdition ? ["Solutions", "replearn-worker-reference"] : []
let instructorTargets: [Target] = !instructorEdition ? [] : [
    .target(name: "Solutions", dependencies: ["Course", "RepLearn"], path: "Solutions"),
    .executableTarget(name: "replearn-worker-reference", dependencies: ["Probes", "Solutions"], path: "Sources/Workers/Reference"),
    // Mutants run in process (they are our code); the hostile worker plays a cheating or broken student.
    .testTarget(name: "GraderTests", dependencies: ["Grading", "Course", "Solutions", "RepLearn", "Probes", "replearn-hostile-worker"],
                path: "Tests/GraderTests"),
    .executableTarget(name: "replearn-hostile-worker", dependencies: ["Probes", "Course", "RepLearn"], path: "Tests/HostileWorker"),
]

let package = Package(
    name: "RepLearn",
    products: [
        .executable(name: "replearn", targets: ["replearn"]),
        .library(name: "RepLearn", targets: ["RepLearn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // System libraries (Debian: libopenblas-dev, libpng-dev, zlib1g-dev).
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // The library every module stands on.
        .target(name: "RepLearn", dependencies: ["COpenBLAS", "CPNG", "CZlib", "CKernels"],
                path: "Sources/RepLearn"),
        // Compiler builtins Swift cannot name (a cache prefetch), header-only.
        .target(name: "CKernels", path: "Sources/CKernels"),
        // The syllabus: exercise protocols, metadata and experiments.
        .target(name: "Course", dependencies: ["RepLearn"], path: "Sources/Course"),
        // Students' stubs (and, in instructorTargets, the reference), conforming to Course's protocols.
        .target(name: "Exercises", dependencies: ["Course", "RepLearn"], path: "Exercises"),
        // Process controls Swift cannot call directly (prctl), for the grader and its workers.
        .target(name: "CProcess", path: "Sources/CProcess"),
        // The wire between the grader and the process that runs student code: calls of the
        // lectures' protocol functions and their outputs. No oracles, no implementation.
        .target(name: "Probes", dependencies: ["Course", "RepLearn", "CProcess"], path: "Sources/Probes"),
        // The process that runs the student's code and answers the grader's calls. It links
        // Exercises and never Solutions or Grading (GraderTests checks the graph).
        .executableTarget(name: "replearn-worker", dependencies: ["Probes", "Exercises"], path: "Sources/Workers/Student"),
        // Checks as data, runner, scoreboard, reports. Runs no student code: it drives a worker.
        .target(name: "Grading", dependencies: ["Course", "RepLearn", "Probes", "CProcess",
                                                .product(name: "Numerics", package: "swift-numerics")],
                path: "Sources/Grading"),
        // The CLI runs experiments in process (either implementation) and grades through the workers,
        // which it depends on so that `swift run replearn grade` builds them.
        .executableTarget(name: "replearn",
                          dependencies: ["RepLearn", "Course", "Grading", "Probes", "Exercises", "replearn-worker",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")] + reference,
                          path: "Sources/replearn"),

        .testTarget(name: "RepLearnTests", dependencies: ["RepLearn"], path: "Tests/RepLearnTests"),
        // Depends on the workers (each exercise is graded through one, in its own process) and on the CLI.
        .testTarget(name: "ExerciseTests", dependencies: ["Grading", "Course", "Probes", "RepLearn", "replearn", "replearn-worker"] + reference,
                    path: "Tests/ExerciseTests"),
    ] + instructorTargets
)
