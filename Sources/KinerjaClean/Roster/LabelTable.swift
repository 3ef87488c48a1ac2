package import KinerjaIngest

/// Distinct text values of one column (agency codes, regions, units …), each stored once.
///
/// Rows refer to a label by its `Int32` id; looking a field up hashes its bytes and
/// makes a `String` only the first time a value is seen.
package struct LabelTable: Sendable {
  /// The labels, indexed by id.
  package private(set) var labels: [String] = []
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var arena: [UInt8] = []
  private var arenaRanges: [Range<Int>] = []

  package init() { slots = [Int32](repeating: -1, count: 64) }

  /// The number of distinct labels.
  package var count: Int { labels.count }

  /// The label with id `id`.
  package subscript(id: Int32) -> String { labels[Int(id)] }

  /// The id of `text`, if the table has it.
  package func id(of text: String) -> Int32? {
    Array(text.utf8).withUnsafeBytes { lookUp($0, hash: Self.hash($0)) }
  }

  /// The id of the field's trimmed text, if the table has it; no `String` is made.
  package func id(of field: Field) -> Int32? {
    let bytes = field.trimmed.bytes
    return lookUp(bytes, hash: Self.hash(bytes))
  }

  /// The id of the field's trimmed text, adding it when new.
  package mutating func intern(_ field: Field) -> Int32 {
    let bytes = field.trimmed.bytes
    let hash = Self.hash(bytes)
    if let id = lookUp(bytes, hash: hash) { return id }
    return insert(bytes, hash: hash)
  }

  /// The id of `text`, adding it when new.
  package mutating func intern(_ text: String) -> Int32 {
    Array(text.utf8).withUnsafeBytes { intern(Field($0)) }
  }

  /// The id in this table of label `id` of `other`, adding it when new.
  ///
  /// Merges labels interned separately, such as by chunks read on other threads.
  package mutating func intern(_ id: Int32, of other: LabelTable) -> Int32 {
    let hash = other.hashes[Int(id)]
    return other.arena.withUnsafeBytes { arena in
      let bytes = UnsafeRawBufferPointer(rebasing: arena[other.arenaRanges[Int(id)]])
      return lookUp(bytes, hash: hash) ?? insert(bytes, hash: hash)
    }
  }

  private func lookUp(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let id = slots[slot]
      if id < 0 { return nil }
      if hashes[Int(id)] == hash {
        let range = arenaRanges[Int(id)]
        let equal = arena.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[range]).elementsEqual(bytes) }
        if equal { return id }
      }
      slot = (slot + 1) & mask
    }
  }

  private mutating func insert(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int32 {
    let id = Int32(labels.count)
    labels.append(String(decoding: bytes, as: UTF8.self))
    hashes.append(hash)
    arenaRanges.append(arena.count..<(arena.count + bytes.count))
    arena.append(contentsOf: bytes)
    if labels.count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(id) }
    return id
  }

  private mutating func rehash(capacity: Int) {
    slots = [Int32](repeating: -1, count: capacity)
    for id in labels.indices { place(Int32(id)) }
  }

  private mutating func place(_ id: Int32) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[Int(id)]) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = id
  }

  /// FNV-1a over the bytes, finished with a multiply-xorshift so low bits mix well.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    hash ^= hash >> 32
    hash = hash &* 0xd6e8_feb8_6659_fd93
    return hash ^ (hash >> 32)
  }
}
