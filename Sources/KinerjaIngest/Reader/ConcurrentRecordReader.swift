import Crypto
import Dispatch
import Foundation

/// Reads one large file as fixed-size chunks parsed concurrently, each by its own libcsv parser.
///
/// The file is cut every `chunkSize` bytes. A chunk's records are those that start in
/// it: its worker begins at the first line start at or after the cut and keeps reading
/// past the next cut until the record open there is complete. That start is a guess —
/// a quoted field holding line breaks may straddle the cut, so the line start there is
/// inside a record. The guess is checked when chunks are merged, in file order: the
/// previous chunk reports where its last record really ended, and a chunk whose guess
/// was wrong is parsed again from there. The records delivered, their lines and offsets
/// are therefore exactly those of `CSVRecordReader`, for any chunk size and thread count.
///
/// Each chunk's records are folded into a `Partial`; partials are merged one by one in
/// file order on the calling thread, and at most a few chunks are held at a time, so
/// memory stays bounded by the chunk size and thread count, not by the file.
public struct ConcurrentRecordReader: Sendable {
  /// The file being read.
  package let path: String
  /// The delimiter and other dialect facts used to split records.
  package let dialect: Dialect
  /// Bytes per chunk.
  package var chunkSize: Int
  /// Chunks parsed at the same time.
  package var threads: Int
  /// Whether to compute the file's SHA-256 while reading (on the merging thread); without
  /// it the fingerprint's `sha256` is empty.
  package var hashes = true
  /// The shape of the input's records, when known; see `CSVRecordReader.shape`.
  package var shape: RecordShape?

  /// Creates a reader; chunks of a few MiB keep every core busy and memory small.
  public init(
    path: String, dialect: Dialect, chunkSize: Int = 8 << 20, threads: Int, shape: RecordShape? = nil
  ) {
    self.path = path
    self.dialect = dialect
    self.chunkSize = max(1, chunkSize)
    self.threads = max(1, threads)
    self.shape = shape
  }

  /// Where a merged chunk lies in the file.
  public struct ChunkPlace: Sendable {
    /// Lines of the chunk's records count from 1 at its start; add this to make them the file's.
    package let lineShift: Int
    /// The file offset just past the chunk's last record.
    package let end: Int64
  }

  /// Folds the records of each chunk, the header included, into a partial.
  ///
  /// - Parameters:
  ///   - parse: makes a chunk's partial by calling `forEach` on the chunk's records once;
  ///     called concurrently for different chunks. Records' lines count from 1 at the
  ///     chunk's start.
  ///   - merge: receives each chunk's partial in file order, on the calling thread.
  /// - Returns: the fingerprint of the file (size and SHA-256).
  @discardableResult
  public func read<Partial: Sendable>(
    parse: @escaping @Sendable (ChunkRecords) throws -> Partial,
    merge: (consuming Partial, ChunkPlace) throws -> Void
  ) throws -> InputFingerprint {
    let file = try InputFile(path: path)
    defer { file.close() }
    let size = file.size()
    let layout = ChunkLayout(
      file: file, size: size, chunkSize: Int64(chunkSize), dataStart: try Self.dataStart(of: file),
      delimiter: dialect.delimiter, shape: shape)
    let buffers = ChunkBuffers(size: Int(min(Int64(chunkSize), max(size, 1))))
    defer { buffers.deallocate() }
    let parseChunk: @Sendable (Int, Int64?, ChunkBytes?) throws -> ParsedChunk<Partial> = {
      index, start, reused in
      let records = ChunkRecords(layout: layout, index: index, start: start, bytes: reused ?? buffers.take())
      let partial = try parse(records)
      if records.outcome == nil { try records.forEach { _ in } }
      return ParsedChunk(partial: partial, bytes: records.bytes, outcome: records.outcome!)
    }

    var hasher = SHA256()
    var expectedStart = layout.dataStart
    var lineShift = 0
    try ChunkSchedule(chunks: layout.count, threads: threads).run(parse: { try parseChunk($0, nil, nil) }) {
      index, parsed in
      var chunk = parsed
      if chunk.outcome.start != expectedStart {
        // The guessed start fell inside a record; parse again from where that record ended.
        chunk = try parseChunk(index, expectedStart, chunk.bytes)
      }
      if hashes { hasher.update(bufferPointer: UnsafeRawBufferPointer(chunk.bytes.filled)) }
      buffers.give(chunk.bytes)
      try merge(chunk.partial, ChunkPlace(lineShift: lineShift, end: chunk.outcome.end))
      expectedStart = chunk.outcome.end
      lineShift += chunk.outcome.lineEnds
    }
    return InputFingerprint(path: path, bytes: size, sha256: hashes ? hasher.finalize().hexString : "")
  }

  private static func dataStart(of file: InputFile) throws -> Int64 {
    var head = (UInt8(0), UInt8(0), UInt8(0))
    let count = try withUnsafeMutableBytes(of: &head) { try file.read(into: $0, at: 0) }
    return withUnsafeBytes(of: head) {
      Int64(Dialect.byteOrderMarkLength(in: UnsafeRawBufferPointer(rebasing: $0[0..<count])))
    }
  }
}

/// The records of one chunk, handed to a `ConcurrentRecordReader`'s `parse`.
public final class ChunkRecords: @unchecked Sendable {
  fileprivate let layout: ChunkLayout
  fileprivate let index: Int
  fileprivate let start: Int64?
  fileprivate let bytes: ChunkBytes
  fileprivate var outcome: ChunkOutcome?

  fileprivate init(layout: ChunkLayout, index: Int, start: Int64?, bytes: ChunkBytes) {
    self.layout = layout
    self.index = index
    self.start = start
    self.bytes = bytes
  }

  /// Calls `body` for each record that starts in the chunk, in file order.
  public func forEach(_ body: (CSVRecord) throws -> Void) throws {
    precondition(outcome == nil, "a chunk's records are read once")
    outcome = try layout.parse(chunk: index, from: start, into: bytes, body)
  }
}

/// Where a parsed chunk's records began and ended, and the line ends between.
private struct ChunkOutcome: Sendable {
  var start: Int64
  var end: Int64
  var lineEnds: Int
}

/// A chunk's partial with its bytes (hashed at merge, in order) and where its records lay.
private struct ParsedChunk<Partial: Sendable>: Sendable {
  var partial: Partial
  var bytes: ChunkBytes
  var outcome: ChunkOutcome
}

/// Where the chunks of a file lie, and how one is parsed.
private struct ChunkLayout: Sendable {
  let file: InputFile
  let size: Int64
  let chunkSize: Int64
  let dataStart: Int64
  let delimiter: UInt8
  let shape: RecordShape?

  var count: Int { size == 0 ? 1 : Int((size + chunkSize - 1) / chunkSize) }

  /// Parses the records starting in chunk `index`: from `start` when given (a corrected
  /// start), else from the first line start at or after the chunk's cut.
  func parse(
    chunk index: Int, from start: Int64?, into buffer: ChunkBytes, _ body: (CSVRecord) throws -> Void
  ) throws -> ChunkOutcome {
    let cut = Int64(index) * chunkSize
    let nextCut = min(size, cut + chunkSize)
    buffer.count = try file.read(
      into: UnsafeMutableRawBufferPointer(rebasing: buffer.memory[0..<Int(nextCut - cut)]), at: cut)
    if buffer.count < nextCut - cut {
      throw IngestError.readFailed(path: file.path, reason: "the file shrank while being read")
    }
    let bytes = UnsafeRawBufferPointer(buffer.filled)

    let first =
      try start ?? (index == 0 ? dataStart : lineStart(atOrAfter: cut, chunk: bytes, chunkOffset: cut))
    let limit = nextCut >= size ? size : try lineStart(atOrAfter: nextCut, chunk: bytes, chunkOffset: cut)
    guard first < limit else { return ChunkOutcome(start: first, end: first, lineEnds: 0) }

    var assembler = RecordAssembler(delimiter: delimiter, shape: shape)
    // Bytes of this chunk from the start on, then further bytes until the open record ends.
    var position = first
    if first < nextCut {
      let offsetInChunk = Int(first - cut)
      let stop = try assembler.feed(
        UnsafeRawBufferPointer(rebasing: bytes[offsetInChunk...]), at: first, stoppingAt: limit, body)
      if let stop { return ChunkOutcome(start: first, end: stop, lineEnds: assembler.lineEndsFed) }
      position = nextCut
    }
    let spill = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
    defer { spill.deallocate() }
    while true {
      let count = try file.read(into: spill, at: position)
      if count == 0 { break }
      if let stop = try assembler.feed(
        UnsafeRawBufferPointer(rebasing: spill[0..<count]), at: position, stoppingAt: limit, body)
      {
        return ChunkOutcome(start: first, end: stop, lineEnds: assembler.lineEndsFed)
      }
      position += Int64(count)
    }
    try assembler.finish(body)
    return ChunkOutcome(start: first, end: position, lineEnds: assembler.lineEndsFed)
  }

  /// The first offset at or after `offset` where a line starts (the file's end if none).
  private func lineStart(atOrAfter offset: Int64, chunk: UnsafeRawBufferPointer, chunkOffset: Int64) throws
    -> Int64
  {
    if offset <= dataStart { return dataStart }
    // The byte before `offset` decides: a line starts at `offset` when it is a line end.
    var position = offset - 1
    if position >= chunkOffset && position < chunkOffset + Int64(chunk.count) {
      let from = Int(position - chunkOffset)
      if let hit = memchr(chunk.baseAddress! + from, 0x0A, chunk.count - from) {
        return chunkOffset + Int64(chunk.baseAddress!.distance(to: UnsafeRawPointer(hit))) + 1
      }
      position = chunkOffset + Int64(chunk.count)
    }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    defer { buffer.deallocate() }
    while position < size {
      let count = try file.read(into: buffer, at: position)
      if count == 0 { break }
      if let hit = memchr(buffer.baseAddress!, 0x0A, count) {
        return position + Int64(UnsafeRawPointer(buffer.baseAddress!).distance(to: UnsafeRawPointer(hit))) + 1
      }
      position += Int64(count)
    }
    return size
  }
}

/// The memory one chunk's bytes are read into, reused from chunk to chunk.
private final class ChunkBytes: @unchecked Sendable {
  let memory: UnsafeMutableRawBufferPointer
  var count = 0

  init(size: Int) { memory = .allocate(byteCount: size, alignment: 64) }

  var filled: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(rebasing: memory[0..<count]) }
}

/// Chunk buffers handed out to workers and given back after their chunk is merged,
/// so the pages of a few buffers are reused instead of fresh ones faulted in per chunk.
private final class ChunkBuffers: @unchecked Sendable {
  private let size: Int
  private let lock = NSLock()
  private var free: [ChunkBytes] = []
  private var all: [ChunkBytes] = []

  init(size: Int) { self.size = size }

  func take() -> ChunkBytes {
    lock.withLock {
      if let bytes = free.popLast() { return bytes }
      let bytes = ChunkBytes(size: size)
      all.append(bytes)
      return bytes
    }
  }

  func give(_ bytes: ChunkBytes) { lock.withLock { free.append(bytes) } }

  func deallocate() {
    for bytes in all { bytes.memory.deallocate() }
  }
}

/// Runs chunk parses on worker threads and hands their results to the caller in order.
///
/// Workers take chunks in order but never run more than a window ahead of the merge,
/// so only a few parsed chunks are held at once.
private final class ChunkSchedule<Parsed: Sendable>: @unchecked Sendable {
  private let chunks: Int
  private let threads: Int
  private let window: Int
  private let condition = NSCondition()
  private var nextChunk = 0
  private var merged = 0
  private var results: [Int: Result<Parsed, any Error>] = [:]
  private var stopped = false

  init(chunks: Int, threads: Int) {
    self.chunks = chunks
    self.threads = threads
    self.window = threads * 2
  }

  func run(parse: @escaping @Sendable (Int) throws -> Parsed, merge: (Int, Parsed) throws -> Void) throws {
    if threads == 1 || chunks == 1 {
      for index in 0..<chunks { try merge(index, try parse(index)) }
      return
    }
    let group = DispatchGroup()
    for _ in 0..<min(threads, chunks) {
      DispatchQueue.global().async(group: group) { self.work(parse) }
    }
    defer {
      condition.lock()
      stopped = true
      condition.broadcast()
      condition.unlock()
      group.wait()
    }
    for index in 0..<chunks {
      condition.lock()
      while results[index] == nil { condition.wait() }
      let result = results.removeValue(forKey: index)!
      condition.unlock()
      try merge(index, try result.get())
      condition.lock()
      merged = index + 1
      condition.broadcast()
      condition.unlock()
    }
  }

  private func work(_ parse: @Sendable (Int) throws -> Parsed) {
    while true {
      condition.lock()
      while !stopped && nextChunk < chunks && nextChunk - merged >= window { condition.wait() }
      if stopped || nextChunk >= chunks {
        condition.unlock()
        return
      }
      let index = nextChunk
      nextChunk += 1
      condition.unlock()
      let result = Result { try parse(index) }
      condition.lock()
      results[index] = result
      condition.broadcast()
      condition.unlock()
    }
  }
}
