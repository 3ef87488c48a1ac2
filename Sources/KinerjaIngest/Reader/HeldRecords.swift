/// Copies of records kept after the closure that received them has returned.
///
/// A chunk parsed on another thread cannot hand its rejected rows to the rejects
/// files at once (its line numbers are known only when the chunks before it are
/// merged), so it keeps copies here and replays them in file order.
package struct HeldRecords: Sendable {
  private struct Place: Sendable {
    var line: Int
    var offset: Int64
    var malformation: Malformation?
    var fields: Range<Int>
  }

  private var bytes: [UInt8] = []
  private var fieldEnds: [Int] = []
  private var places: [Place] = []

  package init() {}

  /// The number of records held.
  package var count: Int { places.count }

  /// The bytes of all fields of all records held.
  package var fieldBytes: Int { bytes.count }

  /// Keeps a copy of `record`.
  package mutating func append(_ record: CSVRecord) {
    let firstField = fieldEnds.count
    let base = bytes.count
    let start = record.firstField
    if record.count > 0 {
      bytes.append(
        contentsOf: UnsafeRawBufferPointer(rebasing: record.bytes[start..<record.fieldEnds[record.count - 1]])
      )
    }
    for end in record.fieldEnds { fieldEnds.append(base + end - start) }
    places.append(
      Place(
        line: record.line, offset: record.offset, malformation: record.malformation,
        fields: firstField..<fieldEnds.count))
  }

  /// Calls `body` with each held record and its index, in the order they were held.
  package func forEach(_ body: (Int, CSVRecord) throws -> Void) rethrows {
    try bytes.withUnsafeBytes { bytes in
      try fieldEnds.withUnsafeBufferPointer { ends in
        for (index, place) in places.enumerated() {
          let fields = UnsafeBufferPointer(rebasing: ends[place.fields])
          let firstField = place.fields.lowerBound == 0 ? 0 : ends[place.fields.lowerBound - 1]
          try body(
            index,
            CSVRecord(
              line: place.line, offset: place.offset, malformation: place.malformation,
              bytes: bytes, fieldEnds: fields, firstField: firstField))
        }
      }
    }
  }

  /// Calls `body` with held record `index`, its line moved by `lineShift`.
  package func withRecord<Result>(
    _ index: Int, lineShift: Int = 0, _ body: (CSVRecord) throws -> Result
  ) rethrows -> Result {
    let place = places[index]
    return try bytes.withUnsafeBytes { bytes in
      try fieldEnds.withUnsafeBufferPointer { ends in
        let fields = UnsafeBufferPointer(rebasing: ends[place.fields])
        let firstField = place.fields.lowerBound == 0 ? 0 : ends[place.fields.lowerBound - 1]
        return try body(
          CSVRecord(
            line: place.line + lineShift, offset: place.offset, malformation: place.malformation,
            bytes: bytes, fieldEnds: fields, firstField: firstField))
      }
    }
  }
}
