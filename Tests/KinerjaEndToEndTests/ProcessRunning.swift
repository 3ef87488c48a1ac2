import Foundation
import KinerjaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Running programs beside `KinerjaCommand`: as another user, with a shell's limits,
/// and the system's own tools that tests check Kinerja's outputs with.
enum ProcessRunning {
  /// Runs `executable` with `arguments` in the repository and waits for it.
  ///
  /// `environment` is added to this process's environment (a `nil` value removes a
  /// variable).
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String?] = [:]
  ) throws -> KinerjaCommand.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = KinerjaCommand.repository
    if !environment.isEmpty {
      var merged = ProcessInfo.processInfo.environment
      for (name, value) in environment { merged[name] = value }
      process.environment = merged
    }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes at once, so a child filling one of them cannot stall.
    let errorHandle = error.fileHandleForReading
    let errorData = Locked(Data())
    let errorDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData.value = errorHandle.readDataToEndOfFile()
      errorDone.signal()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorDone.wait()
    process.waitUntilExit()
    return KinerjaCommand.Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.value, as: UTF8.self))
  }

  /// A value shared between a reading thread and the caller.
  final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
      get { lock.withLock { stored } }
      set { lock.withLock { stored = newValue } }
    }
  }

  /// The SHA-256 of each file, by coreutils' `sha256sum` (not Kinerja's own hashing).
  static func sha256(of paths: [String]) throws -> [String: String] {
    let result = try run("/usr/bin/sha256sum", paths)
    try #require(result.status == 0, "sha256sum failed: \(result.standardError)")
    var hashes: [String: String] = [:]
    for line in result.standardOutput.split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      hashes[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
    }
    return hashes
  }
}

/// Runs `kinerja` as an unprivileged user, so that file permissions apply to it.
///
/// Root ignores file modes, and tests run as root in CI: there the binary is run as user
/// and group 65534 (`nobody`) through util-linux's `setpriv`, from a copy in a folder that
/// user can read. Run as any other user, it is run directly. A missing prerequisite is a
/// test failure with its reason, never a silent pass.
struct UnprivilegedKinerja {
  static let user: UInt32 = 65_534

  /// The folder holding the copy of the binary, kept while the value lives.
  private let folder = TemporaryDirectory()
  private let binary: String
  let isRoot = getuid() == 0

  init() throws {
    if isRoot {
      try #require(
        FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
        "permission tests run as root need util-linux's /usr/bin/setpriv to drop to user 65534")
      binary = "\(folder.path)/kinerja"
      try FileManager.default.copyItem(atPath: KinerjaCommand.binary.path, toPath: binary)
      let version = try run(["--version"])
      try #require(
        version.status == 0,
        "kinerja does not start as user 65534 (\(version.status)): \(version.standardError)")
    } else {
      binary = KinerjaCommand.binary.path
    }
  }

  /// Runs `kinerja` with `arguments` as the unprivileged user.
  func run(_ arguments: [String]) throws -> KinerjaCommand.Result {
    try command([binary] + arguments)
  }

  /// Runs any program with `arguments` as the unprivileged user.
  func command(_ arguments: [String]) throws -> KinerjaCommand.Result {
    guard isRoot else { return try ProcessRunning.run(arguments[0], Array(arguments.dropFirst())) }
    return try ProcessRunning.run(
      "/usr/bin/setpriv",
      ["--reuid=\(Self.user)", "--regid=\(Self.user)", "--clear-groups", "--"] + arguments)
  }

  /// Fails the test unless the unprivileged user really cannot read (or write) `path`,
  /// so a permission test never passes because the permission did not hold.
  func requireDenied(_ test: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    let probe = try command(["/usr/bin/test", test, path])
    try #require(
      probe.status != 0, "test \(test) \(path) holds for the unprivileged user", sourceLocation: sourceLocation)
  }

  /// Lets the unprivileged user create and remove files in `path` (and read what it holds).
  func allowWriting(_ path: String) throws {
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
  }
}
