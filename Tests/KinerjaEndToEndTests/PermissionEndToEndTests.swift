import Foundation
import KinerjaTestSupport
import Testing

/// Exit 3 when permissions stop a run: an input Kinerja may not read, an output location
/// it may not write. The binary runs as an unprivileged user (see `UnprivilegedKinerja`),
/// each denial is confirmed before the run, and the previous outputs stay as they were.
@Suite struct PermissionEndToEndTests {
  /// A small pipeline in a fresh folder: two readable inputs and `out` as the output.
  static func pipeline(_ directory: TemporaryDirectory) -> String {
    directory.write("e.csv", "nip,agency_code,region\n198001012005011001,A,R\n198502022010012002,A,R\n")
    directory.write("p.csv", "nip,period,score\n198001012005011001,2024-01,80\n198502022010012002,2024-01,70\n")
    return directory.write(
      "p.yaml",
      "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\nmin_group: 1\noutput: out\n")
  }

  static func setMode(_ mode: Int, of path: String) throws {
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
  }

  @Test func anInputThatMayNotBeReadIsExit3() throws {
    let kinerja = try UnprivilegedKinerja()
    let directory = TemporaryDirectory()
    let pipeline = Self.pipeline(directory)
    let out = "\(directory.path)/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
    try kinerja.allowWriting(out)
    let first = try kinerja.run(["run", pipeline, "--quiet"])
    try #require(first.status == 0, "the unprivileged user can run the pipeline: \(first.standardError)")
    let before = filesUnder(out)

    let appraisals = "\(directory.path)/p.csv"
    try Self.setMode(0o000, of: appraisals)
    try kinerja.requireDenied("-r", appraisals)
    let denied = try kinerja.run(["run", pipeline, "--quiet"])
    #expect(denied.status == 3, "\(denied.standardError)")
    #expect(denied.standardError.contains("p.csv: cannot open: Permission denied"), "\(denied.standardError)")
    #expect(filesUnder(out) == before, "the previous outputs are untouched")

    let validated = try kinerja.run(["validate", pipeline])
    #expect(validated.status == 3)
    #expect(validated.standardOutput.contains("performance: error:"))
    let inspected = try kinerja.run(["inspect", appraisals])
    #expect(inspected.status == 3 && inspected.standardError.contains("Permission denied"))
  }

  @Test func anOutputLocationThatMayNotBeWrittenIsExit3() throws {
    let kinerja = try UnprivilegedKinerja()
    let directory = TemporaryDirectory()
    let pipeline = Self.pipeline(directory)
    let out = "\(directory.path)/out"
    // The previous run's outputs, in a folder the unprivileged user may read but not write.
    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"]).status == 0)
    let before = filesUnder(out)
    try Self.setMode(0o555, of: out)
    defer { try? Self.setMode(0o755, of: out) }
    try kinerja.requireDenied("-w", out)
    let denied = try kinerja.run(["run", pipeline, "--quiet"])
    #expect(denied.status == 3, "\(denied.standardError)")
    #expect(denied.standardError.contains("out"), "\(denied.standardError)")
    #expect(filesUnder(out) == before, "the previous outputs are untouched")

    // An output location that cannot be created: its parent may not be written.
    try Self.setMode(0o555, of: directory.path)
    defer { try? Self.setMode(0o755, of: directory.path) }
    try kinerja.requireDenied("-w", directory.path)
    let uncreatable = try kinerja.run(["run", pipeline, "--out", "\(directory.path)/new/out", "--quiet"])
    #expect(uncreatable.status == 3, "\(uncreatable.standardError)")
    #expect(uncreatable.standardError.contains("new/out"), "\(uncreatable.standardError)")

    let generated = try kinerja.run(["generate", "--employees", "3", "--out", "\(directory.path)/generated"])
    #expect(generated.status == 3, "\(generated.standardError)")
  }
}
