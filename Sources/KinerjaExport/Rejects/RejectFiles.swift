import Dispatch
import Foundation
package import KinerjaClean
package import KinerjaIngest

/// Writes rejected rows to `rejects/<input>.csv` and `rejects/<input>.json`.
///
/// Each row carries the file, the line where the record starts, the reason, the column
/// at fault and the raw values of the row's mapped columns, minus personal columns
/// (names, comments). Columns the contract does not know are left out too, since they
/// may hold anything. A malformed row cannot be split into trustworthy columns, so only
/// its place and reason are written; the row itself stays in the input file.
package struct RejectFiles: RejectRecorder, Sendable {
  /// One input's two rejects files, with the bytes every row repeats made once.
  ///
  /// `format` only reads what `init` made, so batches are formatted on several threads
  /// at once; `write` runs on the writer's queue only, one batch after another, and the
  /// calling thread touches the files again only after waiting for that queue.
  private final class Sink: @unchecked Sendable {
    let csv: OutputFile
    /// JSON rows waiting for the JSON file's header, which needs their count: held in
    /// memory up to `heldLimit` bytes, then moved to a scratch file with all that follow.
    private var jsonHeld: [[UInt8]] = []
    private var jsonHeldBytes = 0
    private var jsonScratch: OutputFile?
    private let jsonScratchPath: String
    private let heldLimit: Int
    /// Where the reportable columns sit in a record.
    let positions: [Int]
    let fieldCount: Int
    /// What every CSV row starts with: the file and the comma before the line.
    let csvStart: [UInt8]
    /// What every JSON row starts with, up to the line's value.
    let jsonStart: [UInt8]
    /// `, "name": ` before each reportable column's value in a JSON row.
    let jsonValueKeys: [[UInt8]]
    /// The bytes of all `jsonValueKeys`.
    let jsonKeyBytes: Int

    init(directory: String, input: InputReader, displayPath: String, heldLimit: Int) throws {
      self.heldLimit = heldLimit
      let name = input.kind.rawValue
      csv = try OutputFile(path: "\(directory)/\(name).csv")
      jsonScratchPath = "\(directory)/.\(name).rows"
      let columns = input.mapping.reportablePositions
      positions = columns.map(\.position)
      fieldCount = input.mapping.header.count
      let keys = TableWriter.jsonKeys(RejectFiles.fixedColumns + columns.map(\.canonical))
      jsonValueKeys = keys.dropFirst(RejectFiles.fixedColumns.count).map { Sink.separator + $0 }
      jsonKeyBytes = jsonValueKeys.reduce(0) { $0 + $1.count }
      csvStart = Sink.csv([.text(displayPath)]) + [UInt8(ascii: ",")]
      jsonStart = [0x0A, UInt8(ascii: "{")] + keys[0] + Sink.json(.text(displayPath)) + Sink.separator + keys[1]
      try csv.write(
        TableWriter.csvLine((RejectFiles.fixedColumns + columns.map(\.canonical)).map { .text($0) }))
    }

    /// The CSV and JSON bytes of a rejection's reason, column and detail, which most rows
    /// in a row share.
    struct RejectionBytes {
      var csv: [UInt8]
      var json: [UInt8]

      init(_ rejection: Rejection) {
        let cells: [Cell] = [
          .text(rejection.reason.rawValue), rejection.column.map(Cell.text) ?? .null,
          rejection.detail.map(Cell.text) ?? .null,
        ]
        csv = [UInt8(ascii: ",")] + Sink.csv(cells)
        json = []
        for (name, cell) in zip(RejectFiles.fixedColumns.dropFirst(2), cells) {
          json += Sink.separator + TableWriter.jsonKeys([name])[0] + Sink.json(cell)
        }
      }
    }

    /// The rows of `batch` as they go into both files; `rowsBefore` rows of this input
    /// were handed over before it.
    func format(_ batch: Pending, rowsBefore: Int) -> FormattedRows {
      // Each batch is written into memory sized for its worst case: a value's bytes can
      // grow six times at most (a control byte escaped as `\u00XX`).
      let described = batch.rejections.map(RejectionBytes.init)
      let rows = batch.records.count
      let values = 6 * batch.records.fieldBytes + 6 * positions.count * rows
      let csvBound = rows * (csvStart.count + 21 + described.map(\.csv.count).max()!) + values
      let jsonBound = rows * (2 + jsonStart.count + 21 + described.map(\.json.count).max()! + jsonKeyBytes) + values
      var formatted = FormattedRows()
      formatted.csv = BoundedBytes.array(capacity: csvBound) { csv in
        batch.records.forEach { index, record in
          appendCSV(record, described[Int(batch.rejectionOfRecord[index])], to: &csv)
        }
      }
      formatted.json = BoundedBytes.array(capacity: jsonBound) { json in
        batch.records.forEach { index, record in
          appendJSON(
            record, described[Int(batch.rejectionOfRecord[index])], first: rowsBefore + index == 0, to: &json)
        }
      }
      return formatted
    }

    /// The row's values as text, when they need it: only a record with bytes beyond
    /// ASCII goes through `String`, which replaces invalid UTF-8 as text does; the others
    /// go from their bytes straight to the files.
    private func textValues(_ record: CSVRecord, trustworthy: Bool) -> [Cell]? {
      trustworthy && !record.isASCII ? positions.map { .text(String(decoding: record[$0], as: UTF8.self)) } : nil
    }

    private func isTrustworthy(_ record: CSVRecord) -> Bool {
      record.malformation == nil && record.count == fieldCount
    }

    /// Appends one rejected row as a CSV line.
    private func appendCSV(_ record: CSVRecord, _ rejection: RejectionBytes, to out: inout BoundedBytes) {
      let trustworthy = isTrustworthy(record)
      let values = textValues(record, trustworthy: trustworthy)
      out.append(csvStart)
      CellFormatting.appendDecimal(record.line, to: &out)
      out.append(rejection.csv)
      for (index, position) in positions.enumerated() {
        out.append(UInt8(ascii: ","))
        if let values {
          CellFormatting.appendCSV(values[index], to: &out)
        } else if trustworthy {
          CellFormatting.appendCSVField(record[position], to: &out)
        }
      }
      out.append(0x0A)
    }

    /// Appends one rejected row as a JSON object, after a comma unless it is the `first`.
    private func appendJSON(_ record: CSVRecord, _ rejection: RejectionBytes, first: Bool, to out: inout BoundedBytes)
    {
      let trustworthy = isTrustworthy(record)
      let values = textValues(record, trustworthy: trustworthy)
      if !first { out.append(UInt8(ascii: ",")) }
      out.append(jsonStart)
      CellFormatting.appendDecimal(record.line, to: &out)
      out.append(rejection.json)
      for (index, position) in positions.enumerated() {
        out.append(jsonValueKeys[index])
        if let values {
          CellFormatting.appendJSON(values[index], to: &out)
        } else if trustworthy {
          CellFormatting.appendJSONString(record[position], to: &out)
        } else {
          CellFormatting.appendJSON(.null, to: &out)
        }
      }
      out.append(UInt8(ascii: "}"))
    }

    /// Writes formatted rows to the CSV file and keeps their JSON.
    func write(_ rows: FormattedRows) throws {
      try csv.append(rows.csv)
      if jsonScratch == nil && jsonHeldBytes + rows.json.count > heldLimit {
        let scratch = try OutputFile(path: jsonScratchPath, scratch: true)
        for held in jsonHeld { try scratch.append(held) }
        jsonHeld = []
        jsonScratch = scratch
      }
      if let jsonScratch {
        try jsonScratch.append(rows.json)
      } else {
        jsonHeld.append(rows.json)
        jsonHeldBytes += rows.json.count
      }
    }

    /// Closes the CSV file and writes the JSON file, `header`, the rows, `footer`.
    func finish(name: String, header: String, footer: String, into directory: String) throws -> [RunManifest.Output] {
      let csvWritten = try csv.close(as: "rejects/\(name).csv")
      let json = try OutputFile(path: "\(directory)/\(name).json")
      try json.write(header)
      if let jsonScratch {
        try jsonScratch.close(as: "")
        try json.append(contentsOf: jsonScratchPath)
        try OutputDirectory.remove(jsonScratchPath)
      } else {
        for held in jsonHeld { try json.append(held) }
      }
      jsonHeld = []
      try json.write(footer)
      return [csvWritten, try json.close(as: "rejects/\(name).json")]
    }

    static let separator = [UInt8(ascii: ","), UInt8(ascii: " ")]

    static func csv(_ cells: [Cell]) -> [UInt8] {
      var bytes: [UInt8] = []
      TableWriter.appendCSVCells(cells, to: &bytes)
      return bytes
    }

    static func json(_ cell: Cell) -> [UInt8] {
      var bytes: [UInt8] = []
      CellFormatting.appendJSON(cell, to: &bytes)
      return bytes
    }
  }

  /// Columns every rejects file starts with.
  package static let fixedColumns = ["file", "line", "reason", "column", "detail"]

  /// The `rejects` directory written into.
  package let directory: String
  private let displayPaths: [InputKind: String]
  private var sinks: [InputKind: Sink] = [:]
  /// Rows rejected after they were first accepted, read again when the files are finished.
  private var deferred: [DeferredRejects] = []
  /// Rows of each input handed to the writer so far.
  private var rowCounts: [InputKind: Int] = [:]
  private var pending = Pending()
  private let writer = Writer()

  /// Rows handed to the writer at once.
  private static let batchSize = 1_024

  /// JSON rows of one input held in memory at most, until the row count their file's
  /// header needs is known; beyond it they wait in a scratch file.
  private let heldJSONBytes: Int

  /// Creates the writer; `displayPaths` are the input paths as the pipeline file names
  /// them; `heldJSONBytes` is how many bytes of JSON rows per input wait in memory.
  package init(directory: String, displayPaths: [InputKind: String], heldJSONBytes: Int = 64 << 20) throws {
    self.directory = directory
    self.displayPaths = displayPaths
    self.heldJSONBytes = heldJSONBytes
    try OutputDirectory.makeDirectory(directory)
  }

  /// Opens the rejects file of `input` so it exists even when nothing is rejected.
  package mutating func open(_ input: InputReader) throws {
    if sinks[input.kind] == nil {
      sinks[input.kind] = try Sink(
        directory: directory, input: input, displayPath: displayPaths[input.kind] ?? input.path,
        heldLimit: heldJSONBytes)
    }
  }

  package mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws
  {
    try open(input)
    if pending.kind != input.kind { try flushPending() }
    pending.kind = input.kind
    pending.append(record, because: rejection)
    if pending.records.count == Self.batchSize { try flushPending() }
  }

  /// Keeps `rows` to be read again when the files are finished, after every other
  /// rejected row of their input (with `finishInBackground`, while the analyses run).
  package mutating func reject(_ rows: DeferredRejects) throws {
    try open(rows.input)
    deferred.append(rows)
  }

  /// Hands the rows held so far to the writer's queue, first throwing any error the
  /// writer met (checked once per batch, not per row).
  private mutating func flushPending() throws {
    try writer.failure.rethrow()
    guard let kind = pending.kind, pending.records.count > 0, let sink = sinks[kind] else { return }
    let batch = pending
    pending = Pending(kind: kind)
    writer.write(batch, to: sink, rowsBefore: rowCounts[kind, default: 0])
    rowCounts[kind, default: 0] += batch.records.count
  }

  /// Closes every file and writes each input's JSON from its rows; returns the files
  /// written, named relative to the directory above `rejects`.
  package mutating func finish(metadata: OutputMetadata) throws -> [RunManifest.Output] {
    for rows in deferred {
      try rows.read { try reject($0, of: rows.input, because: rows.rejection) }
    }
    deferred = []
    try flushPending()
    writer.waitUntilWritten()
    try writer.failure.rethrow()
    var written: [RunManifest.Output] = []
    for kind in InputKind.readingOrder {
      guard let sink = sinks[kind] else { continue }
      let name = kind.rawValue
      let rows = rowCounts[kind, default: 0]
      written += try sink.finish(
        name: name,
        header: "{\n\"metadata\": \(metadata.json(output: "rejects/\(name)", rows: rows)),\n\"rows\": [",
        footer: rows == 0 ? "]\n}\n" : "\n]\n}\n", into: directory)
    }
    sinks = [:]
    return written
  }

  /// Starts `finish` on a thread of its own, so that the files are synced and hashed
  /// while the analyses run; nothing may be rejected after this.
  package consuming func finishInBackground(metadata: OutputMetadata) -> Finishing {
    let finishing = Finishing()
    let files = self
    DispatchQueue.global().async {
      var files = files
      finishing.finished(Result { try files.finish(metadata: metadata) })
    }
    return finishing
  }

  /// Rejects files being finished in the background.
  package final class Finishing: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[RunManifest.Output], any Error>?

    fileprivate func finished(_ result: Result<[RunManifest.Output], any Error>) {
      self.result = result
      done.signal()
    }

    /// Waits for the files; returns what `finish` returns, or throws what it threw.
    package func wait() throws -> [RunManifest.Output] {
      done.wait()
      defer { done.signal() }  // for the next caller
      return try result!.get()
    }
  }
}

extension RejectFiles {
  /// Rejected rows of one input, copied out of the reader's buffers, waiting to be written.
  private struct Pending: Sendable {
    var kind: InputKind?
    var records = HeldRecords()
    /// The rejections met, each once per run of rows that share it.
    var rejections: [Rejection] = []
    /// For each record, its rejection in `rejections`.
    var rejectionOfRecord: [Int32] = []

    mutating func append(_ record: CSVRecord, because rejection: Rejection) {
      records.append(record)
      if rejections.last != rejection { rejections.append(rejection) }
      rejectionOfRecord.append(Int32(rejections.count - 1))
    }
  }

  /// One batch's rows as they go into the CSV file and the JSON rows.
  private struct FormattedRows: Sendable {
    var csv: [UInt8] = []
    var json: [UInt8] = []
  }

  /// Formats batches on several threads at once and writes them on a queue of its own,
  /// in the order they were handed over, so reading and cleaning go on meanwhile. At most
  /// a few batches wait at a time, so memory stays bounded however many rows are rejected.
  private final class Writer: @unchecked Sendable {
    let failure = Failure()
    /// Serial: writes the files and owns `formatted` and `nextToWrite`.
    private let queue = DispatchQueue(label: "kinerja.rejects")
    /// Serial queues that format batches, taking turns. Queues of their own, not the
    /// shared pool, because the readers' chunks keep the pool busy and a batch waiting
    /// there would hold up the merging of chunks.
    private let formatters = (0..<min(4, max(2, ProcessInfo.processInfo.activeProcessorCount))).map {
      DispatchQueue(label: "kinerja.rejects.format.\($0)")
    }
    private let slots = DispatchSemaphore(value: 8)
    private let inFlight = DispatchGroup()
    /// Batches formatted before the one written next, by their number.
    private var formatted: [Int: (rows: FormattedRows, sink: Sink)] = [:]
    private var nextToWrite = 0
    /// Batches handed over; only the calling thread touches it.
    private var handedOver = 0

    func write(_ batch: Pending, to sink: Sink, rowsBefore: Int) {
      slots.wait()
      inFlight.enter()
      let number = handedOver
      handedOver += 1
      formatters[number % formatters.count].async { [self] in
        let rows = failure.isSet ? FormattedRows() : sink.format(batch, rowsBefore: rowsBefore)
        queue.async { [self] in
          formatted[number] = (rows, sink)
          while let next = formatted.removeValue(forKey: nextToWrite) {
            nextToWrite += 1
            if !failure.isSet {
              do { try next.sink.write(next.rows) } catch { failure.set(error) }
            }
            slots.signal()
            inFlight.leave()
          }
        }
      }
    }

    func waitUntilWritten() { inFlight.wait() }
  }

  /// The first error the writer met, for the calling thread to throw.
  private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    var isSet: Bool { lock.withLock { error != nil } }

    func set(_ error: any Error) { lock.withLock { if self.error == nil { self.error = error } } }

    func rethrow() throws { if let error = lock.withLock({ error }) { throw error } }
  }
}
