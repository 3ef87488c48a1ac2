import Foundation
import KinerjaIngest

#if canImport(Glibc)
  import Glibc
#endif

/// The output location of a run, written so that a failed run changes nothing and a
/// reader never sees two runs mixed.
///
/// One run at a time writes to a location: it holds `OutputLock` from start to end. It
/// writes into a staging folder, and only when every output is complete are they
/// published, in one of three ways (`Publishing`):
/// - in place, by exchange (the default): the staging folder is a sibling of the location,
///   `PARENT/.NAME.staging-…`; files in the location that are not Kinerja's are linked into
///   it, then the two folders are swapped with one `renameat2(RENAME_EXCHANGE)` and the old
///   one is removed. Whoever opens `OUTPUT/x` sees the whole old run or the whole new one.
/// - in place, file by file, where no exchange is possible (the parent cannot be written,
///   the location is a mount point, the file system has no exchange): the files are moved
///   into the location one `rename` each, the manifest last, and the run says so. A reader
///   during that loop could see files of both runs.
/// - as a dated run: the staging folder (inside the location) becomes `runs/<time>` with one
///   `rename`, then the `latest` link is replaced with another.
/// A run that fails or is killed before publishing leaves the previous outputs untouched;
/// what it left behind is removed by the next run.
package struct OutputDirectory: Sendable {
  /// How the outputs of this run are published.
  package enum Publishing: String, Sendable {
    /// The staging folder and the location are exchanged in one step.
    case exchange
    /// The files are moved into the location one by one.
    case fileByFile = "file_by_file"
    /// The staging folder becomes a dated run, and `latest` is switched to it.
    case datedRun = "dated_run"
  }

  /// The output location, as given.
  package let path: String
  /// The output location with every link resolved: the folder that is written and replaced.
  package let location: String
  /// Where this run writes until it succeeds.
  package let stagingPath: String
  package let publishing: Publishing
  /// Why outputs are published file by file, when they are.
  package let fileByFileReason: String?
  private let lock: OutputLock

  /// The name of the manifest, which is moved into place last.
  package static let manifestName = "manifest.json"
  /// Where the data-quality report and rejects of a run that failed on its data are kept.
  package static let failedRunName = ".last-failed"

  /// Creates the output location if needed, takes its lock (waiting for another run that
  /// holds it, or throwing `OutputError.busy` when `wait` is false), removes what killed runs
  /// left behind, and creates a fresh staging folder.
  package init(
    path: String, datedRuns: Bool = false, wait: Bool = true, waiting: (String) -> Void = { _ in }
  ) throws {
    try self.init(path: path, datedRuns: datedRuns, wait: wait, waiting: waiting, exchanging: true)
  }

  /// `exchanging: false` publishes in place file by file, as where no exchange is possible.
  init(path: String, datedRuns: Bool = false, wait: Bool = true, waiting: (String) -> Void = { _ in }, exchanging: Bool)
    throws
  {
    self.path = path
    try Self.makeDirectory(path)
    guard let resolved = realpath(path, nil) else {
      throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
    }
    location = String(cString: resolved)
    free(resolved)
    lock = try OutputLock(location: location, wait: wait, waiting: waiting)
    Self.removeAbandonedStaging(of: location)
    let inside = "\(location)/\(Self.stagingPrefix)\(Self.uniqueSuffix())"
    if datedRuns {
      (stagingPath, publishing, fileByFileReason) = (inside, .datedRun, nil)
    } else {
      let sibling = Self.siblingStagingPath(of: location)
      if let reason = exchanging ? Self.cannotExchange(location, sibling) : "exchange turned off" {
        (stagingPath, publishing, fileByFileReason) = (inside, .fileByFile, reason)
      } else {
        (stagingPath, publishing, fileByFileReason) = (sibling, .exchange, nil)
      }
    }
    if publishing != .exchange { try Self.makeDirectory(stagingPath) }
  }

  /// Gives up the lock; the run is over.
  package func release() {
    lock.release()
  }

  static let stagingPrefix = ".staging-"

  /// A name no other run can have: this process and 64 random bits.
  private static func uniqueSuffix() -> String {
    "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
  }

  /// `PARENT/.NAME.staging-…`, beside the location.
  private static func siblingStagingPath(of location: String) -> String {
    let url = URL(fileURLWithPath: location)
    return "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent)\(stagingPrefix)\(uniqueSuffix())"
  }

  /// Creates the sibling staging folder and tries an exchange with an empty probe folder;
  /// returns why exchanging with the location is not possible, or `nil` (and the folder stays).
  private static func cannotExchange(_ location: String, _ sibling: String) -> String? {
    guard location != "/" else { return "the location is the root folder" }
    let parent = (sibling as NSString).deletingLastPathComponent
    var locationInfo = stat()
    var parentInfo = stat()
    guard stat(location, &locationInfo) == 0, stat(parent, &parentInfo) == 0 else {
      return "cannot inspect \(parent): \(OutputError.lastError())"
    }
    guard locationInfo.st_dev == parentInfo.st_dev else { return "the location is a mount point" }
    guard mkdir(sibling, 0o755) == 0 else {
      return "cannot create a folder beside it in \(parent): \(OutputError.lastError())"
    }
    let probe = "\(sibling).probe"
    guard mkdir(probe, 0o700) == 0 else {
      let reason = OutputError.lastError()
      rmdir(sibling)
      return "cannot create a folder beside it in \(parent): \(reason)"
    }
    defer { rmdir(probe) }
    guard exchange(sibling, probe) == 0 else {
      let reason = OutputError.lastError()
      rmdir(sibling)
      return "the file system cannot exchange folders (\(reason))"
    }
    return nil
  }

  /// Removes staging folders that killed runs left: with the lock held, no live run owns one.
  private static func removeAbandonedStaging(of location: String) {
    let url = URL(fileURLWithPath: location)
    let parent = url.deletingLastPathComponent().path
    let siblingPrefix = ".\(url.lastPathComponent)\(stagingPrefix)"
    for (folder, prefix) in [(location, stagingPrefix), (parent, siblingPrefix)] {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for entry in entries where entry.hasPrefix(prefix) {
        try? removeTree("\(folder)/\(entry)")
      }
    }
  }

  /// Publishes `files` (paths relative to the staging folder, manifest included) in place:
  /// by exchange, or file by file when exchanging is not possible here. Outputs of the
  /// previous run that this run did not write are gone afterwards; other files are kept.
  package func publish(files: [String]) throws {
    let previous = previousOutputs()
    switch publishing {
    case .exchange: try publishByExchange(previousFiles: previous)
    case .fileByFile, .datedRun: try publishFileByFile(files: files, previousFiles: previous)
    }
  }

  private func publishByExchange(previousFiles: [String]) throws {
    try carryOver(from: location, to: stagingPath, kinerjaFiles: Set(previousFiles))
    try lock.extend(to: stagingPath)
    var info = stat()
    if stat(location, &info) == 0 {
      chmod(stagingPath, info.st_mode & 0o7777)
      _ = chown(stagingPath, uid_t.max, info.st_gid)
    }
    try Self.syncFolders(under: stagingPath)
    guard Self.exchange(stagingPath, location) == 0 else {
      throw OutputError.cannotPublish(path: location, reason: OutputError.lastError())
    }
    Self.sync((location as NSString).deletingLastPathComponent)
    // The staging path now holds the previous run.
    try? Self.removeTree(stagingPath)
  }

  /// Links (or, when linking is refused, moves) into `staging` every entry under `folder`
  /// that is not an output of the previous run, so that the exchange keeps them.
  private func carryOver(from folder: String, to staging: String, kinerjaFiles: Set<String>, relative: String = "")
    throws
  {
    let entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    for entry in entries {
      let name = relative.isEmpty ? entry : "\(relative)/\(entry)"
      if relative.isEmpty && (entry == OutputLock.fileName || entry.hasPrefix(Self.stagingPrefix)) { continue }
      if kinerjaFiles.contains(name) { continue }
      let source = "\(folder)/\(entry)"
      let target = "\(staging)/\(entry)"
      var info = stat()
      guard lstat(source, &info) == 0 else { continue }
      var existing = stat()
      let targetExists = lstat(target, &existing) == 0
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        if !targetExists { try Self.makeDirectory(target) }
        try carryOver(from: source, to: target, kinerjaFiles: kinerjaFiles, relative: name)
        // A folder that held only the previous run's outputs (`rejects`) goes with them.
        if !targetExists { rmdir(target) }
      case S_IFREG where targetExists, S_IFLNK where targetExists:
        continue  // this run wrote a file of that name: it replaces the old one
      case S_IFLNK:
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
          symlink(destination, target) == 0
        else { throw OutputError.cannotPublish(path: source, reason: "cannot keep: \(OutputError.lastError())") }
      default:
        guard !targetExists else { continue }
        if link(source, target) != 0, rename(source, target) != 0 {
          throw OutputError.cannotPublish(path: source, reason: "cannot keep: \(OutputError.lastError())")
        }
      }
    }
  }

  private func publishFileByFile(files: [String], previousFiles: [String]) throws {
    let ordered =
      files.filter { $0 != Self.manifestName }
      + (files.contains(Self.manifestName) ? [Self.manifestName] : [])
    for file in ordered {
      let destination = "\(location)/\(file)"
      let parent = (destination as NSString).deletingLastPathComponent
      try Self.makeDirectory(parent)
      guard rename("\(stagingPath)/\(file)", destination) == 0 else {
        throw OutputError.cannotPublish(path: destination, reason: OutputError.lastError())
      }
    }
    for stale in Set(previousFiles).subtracting(files).sorted() {
      try? Self.remove("\(location)/\(stale)")
    }
    try? Self.removeTree(stagingPath)
  }

  /// `renameat2(from, to, RENAME_EXCHANGE)`: swaps two paths in one step. Looked up at run
  /// time because the C library declares it only for GNU sources.
  private static func exchange(_ from: String, _ to: String) -> Int32 {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
      errno = ENOSYS
      return -1
    }
    let renameExchange: UInt32 = 1 << 1
    return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, from, AT_FDCWD, to, renameExchange)
  }

  /// Syncs `folder` and every folder under it, so that their entries are on disk.
  private static func syncFolders(under folder: String) throws {
    let subfolders = (FileManager.default.subpaths(atPath: folder) ?? []).filter { subpath in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: "\(folder)/\(subpath)", isDirectory: &isDirectory)
        && isDirectory.boolValue
    }
    for path in [folder] + subfolders.map({ "\(folder)/\($0)" }) {
      guard sync(path) else { throw OutputError.cannotWrite(path: path, reason: OutputError.lastError()) }
    }
  }

  /// Syncs one folder's entries to disk.
  @discardableResult
  static func sync(_ folder: String) -> Bool {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return fsync(descriptor) == 0
  }

  /// The folder of dated runs, and the link to the newest.
  package static let runsName = "runs"
  package static let latestName = "latest"

  /// Publishes the staging directory as `runs/<stamp>` and points `latest` at it, then
  /// removes the oldest runs beyond `keep`; returns the new run's path.
  package func publishAsRun(stamp: String, keep: Int) throws -> String {
    let runs = "\(location)/\(Self.runsName)"
    try Self.makeDirectory(runs)
    var name = stamp
    var attempt = 1
    while FileManager.default.fileExists(atPath: "\(runs)/\(name)") {
      attempt += 1
      name = "\(stamp)-\(attempt)"
    }
    let target = "\(runs)/\(name)"
    try Self.syncFolders(under: stagingPath)
    guard rename(stagingPath, target) == 0 else {
      throw OutputError.cannotPublish(path: target, reason: OutputError.lastError())
    }
    Self.sync(runs)
    // A new link beside the old, then renamed over it: `latest` always names a whole run.
    let link = "\(location)/\(Self.latestName)"
    let newLink = "\(location)/\(Self.stagingPrefix)latest-\(Self.uniqueSuffix())"
    guard symlink("\(Self.runsName)/\(name)", newLink) == 0, rename(newLink, link) == 0 else {
      throw OutputError.cannotPublish(path: link, reason: OutputError.lastError())
    }
    Self.sync(location)
    let older = ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).filter { $0 != name }
      .sorted()
    for old in older.dropLast(max(0, keep - 1)) { try? Self.removeTree("\(runs)/\(old)") }
    return "\(path)/\(Self.runsName)/\(name)"
  }

  /// What the last run published at `path` (in place or dated) read, from its manifest, if any.
  package static func lastRun(in path: String) -> LastRun? {
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
  package func abandon(keeping files: [String] = []) -> String? {
    guard !files.isEmpty else {
      try? Self.removeTree(stagingPath)
      return nil
    }
    let failed = "\(location)/\(Self.failedRunName)"
    try? Self.removeTree(failed)
    guard rename(stagingPath, failed) == 0 else {
      try? Self.removeTree(stagingPath)
      return nil
    }
    return "\(path)/\(Self.failedRunName)"
  }

  /// The files the previous run's manifest lists, or none.
  package func previousOutputs() -> [String] {
    guard let data = FileManager.default.contents(atPath: "\(location)/\(Self.manifestName)"),
      let listing = try? JSONDecoder().decode(OutputListing.self, from: data)
    else { return [] }
    return listing.outputs.map(\.path).filter(Self.isOutputName) + [Self.manifestName]
  }

  /// Whether `path` is a name Kinerja writes: a table (`trends.csv`, `trends.json` …), a
  /// rejects file (`rejects/performance.csv`), `report.html` or the manifest. A manifest
  /// that lists anything else (edited, or from another tool) cannot make the clean-up remove it.
  static func isOutputName(_ path: String) -> Bool {
    if path == "report.html" || path == manifestName { return true }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = parts.last, let dot = name.lastIndex(of: "."), [".csv", ".json"].contains(name[dot...]) else {
      return false
    }
    let stem = String(name[..<dot])
    switch parts.count {
    case 1: return OutputTable.names.contains(stem)
    case 2: return parts[0] == "rejects" && InputKind(rawValue: stem) != nil
    default: return false
    }
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
}

/// The part of a previous manifest needed to clean up after it.
private struct OutputListing: Decodable {
  struct Entry: Decodable { let path: String }
  let outputs: [Entry]
}

/// What a published run read and with which tool and pipeline: the part of its
/// manifest that tells whether a new run would read the same.
package struct LastRun: Sendable, Equatable, Decodable {
  package struct Input: Sendable, Equatable, Decodable {
    package var input: String
    package var bytes: Int64
    package var sha256: String
  }

  package var toolVersion: String
  package var pipelineSHA256: String
  package var inputs: [Input]
  /// The parameters the run used (such as the `periods` range it resolved).
  package var parameters: [String: String]?

  private enum CodingKeys: String, CodingKey {
    case toolVersion = "tool_version"
    case pipelineSHA256 = "pipeline_sha256"
    case inputs
    case parameters
  }
}
