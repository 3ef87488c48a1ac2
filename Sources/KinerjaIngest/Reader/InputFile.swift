import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file opened for reading with plain POSIX calls.
struct InputFile: Sendable {
  let path: String
  private let descriptor: Int32

  init(path: String) throws {
    self.path = path
    // Looked at before it is opened: opening some devices has effects of its own.
    var before = stat()
    if stat(path, &before) == 0, let kind = Self.notARegularFile(before.st_mode) {
      throw IngestError.cannotOpen(path: path, reason: "it is \(kind), not a regular file")
    }
    // Non-blocking, so that a named pipe swapped in since returns at once.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw IngestError.cannotOpen(path: path, reason: Self.lastError()) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = Self.lastError()
      Glibc.close(descriptor)
      throw IngestError.cannotOpen(path: path, reason: reason)
    }
    if let kind = Self.notARegularFile(status.st_mode) {
      Glibc.close(descriptor)
      throw IngestError.cannotOpen(path: path, reason: "it is \(kind), not a regular file")
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    self.descriptor = descriptor
  }

  /// Fills as much of `buffer` as the file has left; 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    while true {
      let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw IngestError.readFailed(path: path, reason: Self.lastError())
    }
  }

  /// Fills as much of `buffer` as the file has from byte `offset` on, without moving
  /// the file position, so several threads can read one descriptor; 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
    var filled = 0
    while filled < buffer.count {
      let count = pread(
        descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
      if count > 0 {
        filled += count
      } else if count == 0 {
        break
      } else if errno != EINTR {
        throw IngestError.readFailed(path: path, reason: Self.lastError())
      }
    }
    return filled
  }

  func seek(to offset: Int64) throws {
    guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
      throw IngestError.readFailed(path: path, reason: Self.lastError())
    }
  }

  /// The file's size and modification time, to tell whether it changed between two moments.
  func stamp() -> FileStamp {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return FileStamp(size: -1, seconds: 0, nanoseconds: 0) }
    return FileStamp(
      size: Int64(status.st_size), seconds: Int64(status.st_mtim.tv_sec),
      nanoseconds: Int64(status.st_mtim.tv_nsec))
  }

  /// The size of the file in bytes.
  func size() -> Int64 {
    var status = stat()
    return fstat(descriptor, &status) == 0 ? Int64(status.st_size) : 0
  }

  func close() { _ = Glibc.close(descriptor) }

  private static func lastError() -> String { String(cString: strerror(errno)) }

  /// What a file of `mode` is when it is not a regular file: an export is read twice and
  /// in parallel pieces, which a pipe, a device or a socket cannot give.
  private static func notARegularFile(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a directory"
    case S_IFIFO: "a named pipe (FIFO)"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }
}

/// A file's size and modification time.
struct FileStamp: Sendable, Equatable {
  var size: Int64
  var seconds: Int64
  var nanoseconds: Int64
}
