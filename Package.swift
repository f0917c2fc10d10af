// swift-tools-version:5.10
import PackageDescription

// RepLearn: a course on representation learning, graded by numbers.
// Layout: Sources/ (library, course, grading, CLI), Exercises/ (student stubs),
// Solutions/ (reference), Tests/ (graders and mutants), Lectures/, datasets/.
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
        .target(name: "RepLearn", dependencies: ["COpenBLAS", "CPNG", "CZlib"],
                path: "Sources/RepLearn"),
        // The syllabus: exercise protocols, metadata and experiments.
        .target(name: "Course", dependencies: ["RepLearn"], path: "Sources/Course"),
        // Students' stubs and the reference, both conforming to Course's protocols.
        .target(name: "Exercises", dependencies: ["Course", "RepLearn"], path: "Exercises"),
        .target(name: "Solutions", dependencies: ["Course", "RepLearn"], path: "Solutions"),
        // Checks as data, runner, scoreboard, reports.
        .target(name: "Grading", dependencies: ["Course", "RepLearn",
                                                .product(name: "Numerics", package: "swift-numerics")],
                path: "Sources/Grading"),
        .executableTarget(name: "replearn",
                          dependencies: ["RepLearn", "Course", "Grading", "Exercises", "Solutions",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/replearn"),

        .testTarget(name: "RepLearnTests", dependencies: ["RepLearn"], path: "Tests/RepLearnTests"),
        // Depends on the CLI so that its grade-worker is built: each exercise is graded in its own process.
        .testTarget(name: "ExerciseTests", dependencies: ["Grading", "Course", "Exercises", "Solutions", "replearn"],
                    path: "Tests/ExerciseTests"),
        .testTarget(name: "GraderTests", dependencies: ["Grading", "Course", "Solutions", "RepLearn"],
                    path: "Tests/GraderTests"),
    ]
)
