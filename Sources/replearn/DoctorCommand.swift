import ArgumentParser
import Course
import Foundation
import RepLearn

/// Checks that everything the course reads is where it should be, and says what is wrong.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the installation: project folder, lectures, bundled datasets, BLAS and PNG.")

    func run() throws {
        var problems = 0
        func check(_ what: String, _ body: () throws -> String) {
            do { print("ok    \(what): \(try body())") } catch {
                problems += 1
                print("FAIL  \(what): \(error)")
            }
        }
        check("project folder") {
            guard FileManager.default.fileExists(atPath: ProjectPaths.file("datasets").path) else {
                throw InputError("no datasets/ under \(ProjectPaths.root.path): run replearn from the package folder or set REPLEARN_ROOT")
            }
            return ProjectPaths.root.path
        }
        for m in Syllabus.modules {
            check("lecture \(m.number) notes") {
                _ = try String(contentsOf: ProjectPaths.file(m.lecture), encoding: .utf8)
                return m.lecture
            }
        }
        check("MNIST") { let d = try Datasets.mnist("test"); return "test \(d.images.shape)" }
        check("MNIST train") { let d = try Datasets.mnist("train", limit: 10); return "readable, \(d.height)×\(d.width)" }
        check("Fashion-MNIST") { let d = try Datasets.fashionMNIST("test"); let t = try Datasets.fashionMNIST("train", limit: 10); return "test \(d.images.shape), train readable (\(t.height)×\(t.width))" }
        check("UCI digits") { "\(try Datasets.digits().images.shape)" }
        check("photos (libpng)") { let all = try (Datasets.photoNames + Datasets.morePhotoNames).map { try Datasets.photo($0) }; return "\(all.count) photos, \(Datasets.photoNames.map { n in n }.joined(separator: ", ")) and \(Datasets.morePhotoNames.count) more" }
        check("texts (zlib)") { try TextCorpus.names.map { "\($0) \(try TextCorpus.text($0).utf8.count / 1_000_000) MB" }.joined(separator: ", ") }
        check("word evaluation sets") {
            "\(try TextCorpus.analogies().count) analogies, \(try TextCorpus.similarity("wordsim353.tsv").count) + \(try TextCorpus.similarity("simlex999.txt").count) pairs"
        }
        check("OpenBLAS") {
            let a = try Tensor(rows: [[1, 2], [3, 4]])
            let p = try Tensor.matmul(a, a)
            guard p.data == [7, 10, 15, 22] else { throw InputError("sgemm returned \(p.data)") }
            let e = try SymmetricEigen(try Tensor(rows: [[2, 1], [1, 2]]))
            guard abs(e.values[0] - 3) < 1e-5, abs(e.values[1] - 1) < 1e-5 else { throw InputError("ssyevd returned \(e.values)") }
            return "sgemm and LAPACK ssyevd answer correctly (OpenBLAS on one thread; products split over \(Parallel.cores) cores)"
        }
        print(problems == 0 ? "\nEverything is in place." : "\n\(problems) problem(s) found.")
        if problems > 0 { throw ExitCode(1) }
    }
}
