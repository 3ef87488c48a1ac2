import Foundation
import KinerjaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Publishing replaces what the output location holds, so a run refuses locations where
/// that would destroy something (exit 2) and `validate` says so before any run.
@Suite struct OutputLocationEndToEndTests {
  /// A pipeline in `folder` over two small inputs there, with `output` as given.
  func pipeline(_ directory: TemporaryDirectory, output: String, folder: String = "data") -> String {
    directory.write("\(folder)/e.csv", "nip,agency_code,region\n198001012005011001,A,R\n")
    directory.write("\(folder)/p.csv", "nip,period,score\n198001012005011001,2024-01,80\n")
    return directory.write(
      "\(folder)/p.yaml",
      "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\nmin_group: 1\noutput: \(output)\n")
  }

  @Test(arguments: ["/proc/kinerja-out", "/etc", "/usr/local/share/kinerja", "/tmp", "/"])
  func systemFoldersAreRefused(output: String) throws {
    let directory = TemporaryDirectory()
    let file = pipeline(directory, output: output)
    let validated = try KinerjaCommand.run(["validate", file])
    #expect(validated.status == 2, "\(validated.standardOutput)")
    #expect(validated.standardOutput.contains("refused"))
    guard output.hasPrefix("/proc") else { return }  // only where a refusal that failed could write nothing
    let run = try KinerjaCommand.run(["run", file, "--quiet"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("system folder"), "\(run.standardError)")
  }

  /// `output: .` beside the inputs, or any folder above them: refused, and nothing changes.
  @Test(arguments: [".", ".."])
  func aFolderHoldingAnInputIsRefused(output: String) throws {
    let directory = TemporaryDirectory()
    let file = pipeline(directory, output: output)
    // A manifest of an earlier run that lists an input, as the issue found it.
    directory.write(
      "data/manifest.json", #"{"outputs": [{"path": "p.csv", "bytes": 0, "sha256": ""}], "inputs": []}"#)
    let before = filesUnder(directory.path)
    let run = try KinerjaCommand.run(["run", file, "--quiet"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("holds the input"), "\(run.standardError)")
    #expect(filesUnder(directory.path) == before, "nothing written, nothing removed")
    #expect(try KinerjaCommand.run(["validate", file]).status == 2)
  }

  @Test func theHomeFolderIsRefused() throws {
    let directory = TemporaryDirectory()
    let file = pipeline(directory, output: "\(directory.path)/home")
    let run = try KinerjaCommand.run(["run", file, "--quiet"], environment: ["HOME": "\(directory.path)/home"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("home folder"), "\(run.standardError)")
  }

  /// `validate` finds an output location that a run could not write (exit 3) and passes one it can.
  @Test func validateChecksThatTheOutputCanBeWritten() throws {
    let directory = TemporaryDirectory()
    directory.write("a-file", "not a folder")
    let blocked = try KinerjaCommand.run(["validate", pipeline(directory, output: "../a-file/out")])
    #expect(blocked.status == 3, "\(blocked.standardOutput)")
    #expect(blocked.standardOutput.contains("not a folder"))
    let fine = try KinerjaCommand.run(["validate", pipeline(directory, output: "../out")])
    #expect(fine.status == 0, "\(fine.standardOutput)")
    #expect(fine.standardOutput.contains("writable"))
  }

  /// `LINK/../out` where `LINK` points into a system folder is that system folder's `out`,
  /// as the kernel resolves it, and is refused like it.
  @Test func linksAreResolvedBeforeDotDot() throws {
    let directory = TemporaryDirectory()
    #expect(symlink("/etc/ssl", "\(directory.path)/link") == 0)
    let file = pipeline(directory, output: "\(directory.path)/link/../kinerja-out")
    let validated = try KinerjaCommand.run(["validate", file])
    #expect(validated.status == 2, "\(validated.standardOutput)")
    #expect(validated.standardOutput.contains("/etc/kinerja-out is a system folder"), "\(validated.standardOutput)")
  }

  /// `periods: { from: … }` after the month the run starts leaves nothing to read: exit 2.
  @Test func periodsFromAfterTheRunsMonthIsRefused() throws {
    let directory = TemporaryDirectory()
    let file = pipeline(directory, output: "../out")
    let text = try String(contentsOfFile: file, encoding: .utf8) + "periods: { from: 2030-01 }\n"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let run = try KinerjaCommand.run(["run", file, "--quiet"], environment: KinerjaCommand.pinnedDate)
    #expect(run.status == 2)
    #expect(run.standardError.contains("from 2030-01 is after to 2026-11"), "\(run.standardError)")
  }
}
