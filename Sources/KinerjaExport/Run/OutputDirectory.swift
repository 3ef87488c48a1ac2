import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The output location of a run, written so that a failed run changes nothing.
///
/// A run writes into a staging directory inside the output location. Only when every
/// output is complete are they published, in one of two ways:
/// - in place (`publish`): the files are moved into the location, one `rename` each, the
///   manifest last; outputs of the previous run that this run does not produce are then
///   removed. Each file is whole at every moment; a reader during the sub-millisecond
///   loop could see some files of the new run beside some of the old.
/// - as a dated run (`publishAsRun`): the staging directory becomes `runs/<time>` with one
///   `rename`, then the `latest` link is replaced with another: whoever follows `latest`
///   sees the old run or the new one, whole, at every moment.
/// A run that fails before publishing leaves the previous outputs untouched.
public struct OutputDirectory: Sendable {
  /// The output location.
  public let path: String
  /// Where this run writes until it succeeds.
  public let stagingPath: String

  /// The name of the manifest, which is moved into place last.
  public static let manifestName = "manifest.json"
  /// Where the data-quality report and rejects of a run that failed on its data are kept.
  public static let failedRunName = ".last-failed"

  /// Creates the output location if needed and a fresh staging directory inside it.
  public init(path: String) throws {
    self.path = path
    try Self.makeDirectory(path)
    stagingPath = "\(path)/\(Self.stagingPrefix)\(getpid())"
    Self.removeAbandonedStaging(in: path)
    try Self.makeDirectory(stagingPath)
  }

  static let stagingPrefix = ".staging-"

  /// Removes staging directories of runs that were killed: their process is gone.
  private static func removeAbandonedStaging(in path: String) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    for entry in entries where entry.hasPrefix(stagingPrefix) {
      guard let pid = Int32(entry.dropFirst(stagingPrefix.count)) else { continue }
      if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
        try? removeTree("\(path)/\(entry)")
      }
    }
  }

  /// Moves `files` (paths relative to the staging directory, manifest included) into
  /// place, then removes outputs named in `previousFiles` that this run did not write.
  public func publish(files: [String], previousFiles: [String]) throws {
    let ordered =
      files.filter { $0 != Self.manifestName }
      + (files.contains(Self.manifestName) ? [Self.manifestName] : [])
    for file in ordered {
      let destination = "\(path)/\(file)"
      let parent = (destination as NSString).deletingLastPathComponent
      try Self.makeDirectory(parent)
      guard rename("\(stagingPath)/\(file)", destination) == 0 else {
        throw OutputError.cannotPublish(path: destination, reason: OutputError.lastError())
      }
    }
    for stale in Set(previousFiles).subtracting(files).sorted() where !stale.contains("..") {
      try? Self.remove("\(path)/\(stale)")
    }
    try? Self.removeTree(stagingPath)
  }

  /// The folder of dated runs, and the link to the newest.
  public static let runsName = "runs"
  public static let latestName = "latest"

  /// Publishes the staging directory as `runs/<stamp>` and points `latest` at it, then
  /// removes the oldest runs beyond `keep`; returns the new run's path.
  public func publishAsRun(stamp: String, keep: Int) throws -> String {
    let runs = "\(path)/\(Self.runsName)"
    try Self.makeDirectory(runs)
    var name = stamp
    var attempt = 1
    while FileManager.default.fileExists(atPath: "\(runs)/\(name)") {
      attempt += 1
      name = "\(stamp)-\(attempt)"
    }
    let target = "\(runs)/\(name)"
    guard rename(stagingPath, target) == 0 else {
      throw OutputError.cannotPublish(path: target, reason: OutputError.lastError())
    }
    // A new link beside the old, then renamed over it: `latest` always names a whole run.
    let link = "\(path)/\(Self.latestName)"
    let newLink = "\(path)/.\(Self.latestName)-\(getpid())"
    unlink(newLink)
    guard symlink("\(Self.runsName)/\(name)", newLink) == 0, rename(newLink, link) == 0 else {
      throw OutputError.cannotPublish(path: link, reason: OutputError.lastError())
    }
    let older = ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).filter { $0 != name }
      .sorted()
    for old in older.dropLast(max(0, keep - 1)) { try? Self.removeTree("\(runs)/\(old)") }
    return target
  }

  /// What the last run published at `path` (in place or dated) read, from its manifest, if any.
  public static func lastRun(in path: String) -> LastRun? {
    for candidate in ["\(path)/\(Self.latestName)/\(Self.manifestName)", "\(path)/\(Self.manifestName)"] {
      if let data = FileManager.default.contents(atPath: candidate),
        let run = try? JSONDecoder().decode(LastRun.self, from: data)
      {
        return run
      }
    }
    return nil
  }

  /// Gives up the run: the staging directory is removed, or, when `files` names
  /// files worth keeping (data quality, rejects), it becomes `.last-failed`.
  public func abandon(keeping files: [String] = []) -> String? {
    guard !files.isEmpty else {
      try? Self.removeTree(stagingPath)
      return nil
    }
    let failed = "\(path)/\(Self.failedRunName)"
    try? Self.removeTree(failed)
    guard rename(stagingPath, failed) == 0 else {
      try? Self.removeTree(stagingPath)
      return nil
    }
    return failed
  }

  /// The files the previous run's manifest lists, or none.
  public func previousOutputs() -> [String] {
    guard let data = FileManager.default.contents(atPath: "\(path)/\(Self.manifestName)"),
      let listing = try? JSONDecoder().decode(OutputListing.self, from: data)
    else { return [] }
    return listing.outputs.map(\.path) + [Self.manifestName]
  }

  static func makeDirectory(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw OutputError.cannotWrite(path: path, reason: "exists and is not a directory")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw OutputError.cannotWrite(path: path, reason: "cannot create directory: \(OutputError.lastError())")
    }
  }

  static func remove(_ path: String) throws {
    guard unlink(path) == 0 else {
      throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
    }
  }

  static func removeTree(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { return }
    try FileManager.default.removeItem(atPath: path)
  }

  static func copyContents(of source: String, to destination: OutputFile) throws {
    guard let handle = FileHandle(forReadingAtPath: source) else {
      throw OutputError.cannotWrite(path: source, reason: "cannot reopen")
    }
    defer { try? handle.close() }
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      try destination.write(String(decoding: chunk, as: UTF8.self))
    }
  }
}

/// The part of a previous manifest needed to clean up after it.
private struct OutputListing: Decodable {
  struct Entry: Decodable { let path: String }
  let outputs: [Entry]
}

/// What a published run read and with which tool and pipeline: the part of its
/// manifest that tells whether a new run would read the same.
public struct LastRun: Sendable, Equatable, Decodable {
  public struct Input: Sendable, Equatable, Decodable {
    public var input: String
    public var bytes: Int64
    public var sha256: String
  }

  public var toolVersion: String
  public var pipelineSHA256: String
  public var inputs: [Input]

  private enum CodingKeys: String, CodingKey {
    case toolVersion = "tool_version"
    case pipelineSHA256 = "pipeline_sha256"
    case inputs
  }
}
