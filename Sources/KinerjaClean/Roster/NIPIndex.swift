package import KinerjaIngest

/// Roster positions by NIP: an open-addressing hash table of 18-digit numbers.
///
/// Every appraisal, training row and evaluation looks its employee up here, so the
/// lookup is a multiply, a shift and usually one probe, without the seeded hashing a
/// `Dictionary` does for every key.
package struct NIPIndex: Sendable {
  private var keys: [UInt64]
  private var positions: [Int32]
  private var shift: UInt64
  package private(set) var count = 0

  package init() {
    keys = [UInt64](repeating: Self.empty, count: 16)
    positions = [Int32](repeating: -1, count: 16)
    shift = 64 - 4
  }

  /// The position stored for `nip`, if any.
  @inline(__always)
  package subscript(nip: NIP) -> Int32? {
    let mask = keys.count - 1
    var slot = slot(of: nip.rawValue)
    while true {
      let key = keys[slot]
      if key == nip.rawValue { return positions[slot] }
      if key == Self.empty { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// Stores `position` for `nip`, replacing what was there.
  package mutating func set(_ nip: NIP, to position: Int32) {
    if (count + 1) * 4 > keys.count * 3 { grow() }
    let mask = keys.count - 1
    var slot = slot(of: nip.rawValue)
    while keys[slot] != Self.empty && keys[slot] != nip.rawValue { slot = (slot + 1) & mask }
    if keys[slot] == Self.empty { count += 1 }
    keys[slot] = nip.rawValue
    positions[slot] = position
  }

  /// No NIP is zero (it starts with a birth year), so zero marks an empty slot.
  private static let empty: UInt64 = 0

  /// Fibonacci hashing: the top bits of the key times 2⁶⁴/φ.
  @inline(__always)
  private func slot(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldPositions = positions
    keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
    positions = [Int32](repeating: -1, count: oldKeys.count * 2)
    shift -= 1
    count = 0
    for (key, position) in zip(oldKeys, oldPositions) where key != Self.empty {
      set(NIP(rawValue: key), to: position)
    }
  }
}
