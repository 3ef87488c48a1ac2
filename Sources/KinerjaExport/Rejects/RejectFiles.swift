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
package struct RejectFiles: RejectRecorder {
  /// One input's two rejects files, with the bytes every row repeats made once.
  ///
  /// Rows are written on the writer's queue only, one batch after another; the
  /// calling thread touches a sink again only after waiting for the queue.
  private final class Sink: @unchecked Sendable {
    let csv: OutputFile
    let jsonRows: OutputFile
    /// Where the reportable columns sit in a record.
    let positions: [Int]
    let fieldCount: Int
    /// What every CSV row starts with: the file and the comma before the line.
    let csvStart: [UInt8]
    /// What every JSON row starts with, up to the line's value.
    let jsonStart: [UInt8]
    /// `, "name": ` before each reportable column's value in a JSON row.
    let jsonValueKeys: [[UInt8]]
    /// `, "reason": …, "column": …, "detail": …` and its CSV form, for the rejection
    /// met last: most rows in a row share it.
    private var rejection: Rejection?
    private(set) var csvRejection: [UInt8] = []
    private(set) var jsonRejection: [UInt8] = []
    var rows = 0

    init(directory: String, input: InputReader, displayPath: String) throws {
      let name = input.kind.rawValue
      csv = try OutputFile(path: "\(directory)/\(name).csv")
      jsonRows = try OutputFile(path: "\(directory)/.\(name).rows")
      let columns = input.mapping.reportablePositions
      positions = columns.map(\.position)
      fieldCount = input.mapping.header.count
      let keys = TableWriter.jsonKeys(RejectFiles.fixedColumns + columns.map(\.canonical))
      jsonValueKeys = keys.dropFirst(RejectFiles.fixedColumns.count).map { Sink.separator + $0 }
      csvStart = Sink.csv([.text(displayPath)]) + [UInt8(ascii: ",")]
      jsonStart = [0x0A, UInt8(ascii: "{")] + keys[0] + Sink.json(.text(displayPath)) + Sink.separator + keys[1]
      try csv.write(
        TableWriter.csvLine((RejectFiles.fixedColumns + columns.map(\.canonical)).map { .text($0) }))
    }

    /// Makes `csvRejection` and `jsonRejection` describe `rejection`.
    func describe(_ rejection: Rejection) {
      guard rejection != self.rejection else { return }
      self.rejection = rejection
      let cells: [Cell] = [
        .text(rejection.reason.rawValue), rejection.column.map(Cell.text) ?? .null,
        rejection.detail.map(Cell.text) ?? .null,
      ]
      csvRejection = [UInt8(ascii: ",")] + Sink.csv(cells)
      jsonRejection = []
      for (name, cell) in zip(RejectFiles.fixedColumns.dropFirst(2), cells) {
        jsonRejection += Sink.separator + TableWriter.jsonKeys([name])[0] + Sink.json(cell)
      }
    }

    /// Writes one rejected row to both files.
    func write(_ record: CSVRecord, because rejection: Rejection) throws {
      describe(rejection)
      let trustworthy = record.malformation == nil && record.count == fieldCount
      // The row's own values go from its bytes straight to the files; only a record with
      // bytes beyond ASCII goes through `String`, which replaces invalid UTF-8 as text does.
      let values: [Cell]? =
        trustworthy && !record.isASCII
        ? positions.map { .text(String(decoding: record[$0], as: UTF8.self)) } : nil
      try csv.append { out in
        out.append(contentsOf: self.csvStart)
        CellFormatting.appendDecimal(record.line, to: &out)
        out.append(contentsOf: self.csvRejection)
        for (index, position) in self.positions.enumerated() {
          out.append(UInt8(ascii: ","))
          if let values {
            CellFormatting.appendCSV(values[index], to: &out)
          } else if trustworthy {
            CellFormatting.appendCSVField(record[position], to: &out)
          }
        }
        out.append(0x0A)
      }
      let first = rows == 0
      try jsonRows.append { out in
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: self.jsonStart)
        CellFormatting.appendDecimal(record.line, to: &out)
        out.append(contentsOf: self.jsonRejection)
        for (index, position) in self.positions.enumerated() {
          out.append(contentsOf: self.jsonValueKeys[index])
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
      rows += 1
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
  private var pending = Pending()
  private let writer = Writer()

  /// Rows handed to the writer at once.
  private static let batchSize = 1_024

  /// Creates the writer; `displayPaths` are the input paths as the pipeline file names them.
  package init(directory: String, displayPaths: [InputKind: String]) throws {
    self.directory = directory
    self.displayPaths = displayPaths
    try OutputDirectory.makeDirectory(directory)
  }

  /// Opens the rejects file of `input` so it exists even when nothing is rejected.
  package mutating func open(_ input: InputReader) throws {
    if sinks[input.kind] == nil {
      sinks[input.kind] = try Sink(
        directory: directory, input: input, displayPath: displayPaths[input.kind] ?? input.path)
    }
  }

  package mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws
  {
    try open(input)
    if pending.kind != input.kind { try flushPending() }
    pending.kind = input.kind
    pending.records.append(record)
    pending.rejections.append(rejection)
    if pending.records.count == Self.batchSize { try flushPending() }
  }

  /// Hands the rows held so far to the writer's queue, first throwing any error the
  /// writer met (checked once per batch, not per row).
  private mutating func flushPending() throws {
    try writer.failure.rethrow()
    guard let kind = pending.kind, pending.records.count > 0, let sink = sinks[kind] else { return }
    let batch = pending
    pending = Pending(kind: kind)
    writer.write(batch, to: sink)
  }

  /// Closes every file and writes each input's JSON from its rows; returns the paths
  /// written, relative to the directory above `rejects`.
  package mutating func finish(metadata: OutputMetadata) throws -> [String] {
    try flushPending()
    writer.waitUntilWritten()
    try writer.failure.rethrow()
    var written: [String] = []
    for kind in InputKind.readingOrder {
      guard let sink = sinks[kind] else { continue }
      try sink.csv.close()
      try sink.jsonRows.close(sync: false)
      let name = kind.rawValue
      let json = try OutputFile(path: "\(directory)/\(name).json")
      try json.write(
        "{\n\"metadata\": \(metadata.json(output: "rejects/\(name)", rows: sink.rows)),\n\"rows\": [")
      try json.append(contentsOf: "\(directory)/.\(name).rows")
      try json.write(sink.rows == 0 ? "]\n}\n" : "\n]\n}\n")
      try json.close()
      try OutputDirectory.remove("\(directory)/.\(name).rows")
      written += ["rejects/\(name).csv", "rejects/\(name).json"]
    }
    sinks = [:]
    return written
  }
}

extension RejectFiles {
  /// Rejected rows of one input, copied out of the reader's buffers, waiting to be written.
  private struct Pending: Sendable {
    var kind: InputKind?
    var records = HeldRecords()
    var rejections: [Rejection] = []
  }

  /// Formats and writes rows on a queue of its own, in the order they were handed over,
  /// so reading and cleaning go on meanwhile. At most a few batches wait at a time, so
  /// memory stays bounded however many rows are rejected.
  private final class Writer: Sendable {
    let failure = Failure()
    private let queue = DispatchQueue(label: "kinerja.rejects")
    private let slots = DispatchSemaphore(value: 8)

    func write(_ batch: Pending, to sink: Sink) {
      slots.wait()
      queue.async { [failure, slots] in
        defer { slots.signal() }
        guard !failure.isSet else { return }
        do {
          for index in 0..<batch.records.count {
            try batch.records.withRecord(index) { try sink.write($0, because: batch.rejections[index]) }
          }
        } catch {
          failure.set(error)
        }
      }
    }

    func waitUntilWritten() { queue.sync {} }
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
