import Foundation

/// Runs the built `kinerja` binary, as a user would from a shell.
struct KinerjaCommand {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The repository's root folder.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `kinerja` binary next to the test bundle.
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for folder in [beside, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
      let candidate = folder.appendingPathComponent("kinerja")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return repository.appendingPathComponent(".build/debug/kinerja")
  }()

  /// Runs `kinerja` with `arguments` and waits for it.
  static func run(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = repository
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}

/// Every file under `folder`, relative path → contents.
func filesUnder(_ folder: String) -> [String: Data] {
  var result: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(atPath: folder)
  while let path = enumerator?.nextObject() as? String {
    var isDirectory: ObjCBool = false
    FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isDirectory)
    if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: "\(folder)/\(path)") }
  }
  return result
}
