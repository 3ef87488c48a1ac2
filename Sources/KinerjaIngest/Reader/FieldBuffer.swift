#if canImport(Glibc)
  import Glibc
#endif

/// The fields libcsv hands over for the records being assembled, in memory the reader owns.
///
/// libcsv calls back once per field, so this is the hottest code of ingest. It is a plain
/// struct reached through a pointer passed as libcsv's `void *`: no class, so the
/// callbacks pay no reference counting or exclusivity checks.
struct FieldBuffer {
  /// Field bytes, one field after another.
  private(set) var bytes: UnsafeMutableRawPointer
  private(set) var byteCount = 0
  private var byteCapacity: Int
  /// The end offset in `bytes` of each field.
  private(set) var ends: UnsafeMutablePointer<Int>
  private(set) var fieldCount = 0
  private var fieldCapacity: Int
  /// Field counts at which completed records end, in order.
  private(set) var recordEnds: UnsafeMutablePointer<Int>
  private(set) var recordCount = 0
  private var recordCapacity: Int

  init() {
    byteCapacity = 64 << 10
    fieldCapacity = 256
    recordCapacity = 16
    bytes = .allocate(byteCount: byteCapacity, alignment: 16)
    ends = .allocate(capacity: fieldCapacity)
    recordEnds = .allocate(capacity: recordCapacity)
  }

  func deallocate() {
    bytes.deallocate()
    ends.deallocate()
    recordEnds.deallocate()
  }

  /// Adds a field.
  @inline(__always)
  mutating func append(_ data: UnsafeRawPointer?, _ length: Int) {
    if byteCount + length > byteCapacity { growBytes(to: byteCount + length) }
    if let data, length > 0 { (bytes + byteCount).copyMemory(from: data, byteCount: length) }
    byteCount += length
    if fieldCount == fieldCapacity { growFields() }
    ends[fieldCount] = byteCount
    fieldCount += 1
  }

  /// Marks the fields added so far as a completed record.
  @inline(__always)
  mutating func endRecord() {
    if recordCount == recordCapacity { growRecords() }
    recordEnds[recordCount] = fieldCount
    recordCount += 1
  }

  /// Forgets the completed records, keeping the fields of a record still open.
  mutating func removeCompleted() {
    let firstKept = recordCount == 0 ? 0 : recordEnds[recordCount - 1]
    recordCount = 0
    guard firstKept < fieldCount else {
      byteCount = 0
      fieldCount = 0
      return
    }
    let keptFrom = firstKept == 0 ? 0 : ends[firstKept - 1]
    bytes.copyMemory(from: bytes + keptFrom, byteCount: byteCount - keptFrom)
    for index in firstKept..<fieldCount { ends[index - firstKept] = ends[index] - keptFrom }
    byteCount -= keptFrom
    fieldCount -= firstKept
  }

  /// Forgets everything.
  mutating func removeAll() {
    byteCount = 0
    fieldCount = 0
    recordCount = 0
  }

  private mutating func growBytes(to needed: Int) {
    var capacity = byteCapacity * 2
    while capacity < needed { capacity *= 2 }
    let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    grown.copyMemory(from: bytes, byteCount: byteCount)
    bytes.deallocate()
    bytes = grown
    byteCapacity = capacity
  }

  private mutating func growFields() {
    let grown = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity * 2)
    grown.update(from: ends, count: fieldCount)
    ends.deallocate()
    ends = grown
    fieldCapacity *= 2
  }

  private mutating func growRecords() {
    let grown = UnsafeMutablePointer<Int>.allocate(capacity: recordCapacity * 2)
    grown.update(from: recordEnds, count: recordCount)
    recordEnds.deallocate()
    recordEnds = grown
    recordCapacity *= 2
  }
}
