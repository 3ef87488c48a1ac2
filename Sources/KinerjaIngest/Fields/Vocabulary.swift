/// A closed list of words (ratings, methods, statuses, month names) looked up from bytes.
///
/// Matching ignores ASCII case, surrounding spaces, and treats runs of spaces, `_`
/// and `-` inside the value as one space, so `Sangat  Baik`, `sangat_baik` and
/// `SANGAT-BAIK` are the same word. No `String` is made per lookup, and the spellings
/// are kept in one flat byte array so a lookup copies nothing.
package struct Vocabulary<Value: Sendable>: Sendable {
  /// Every spelling's normalised bytes, one after another.
  @usableFromInline let keys: [UInt8]
  /// Where each spelling lies in `keys`.
  @usableFromInline let ranges: [Range<Int>]
  /// The value of each spelling.
  @usableFromInline let values: [Value]

  /// Creates a vocabulary from spellings and the value each stands for.
  package init(_ spellings: KeyValuePairs<String, Value>) {
    var keys: [UInt8] = []
    var ranges: [Range<Int>] = []
    for spelling in spellings {
      let key = Self.key(Array(spelling.key.utf8))
      ranges.append(keys.count..<(keys.count + key.count))
      keys += key
    }
    self.keys = keys
    self.ranges = ranges
    self.values = spellings.map(\.value)
  }

  /// The value `field` spells, or `nil` when it is not in the list.
  @inlinable
  package func value(of field: Field) -> Value? {
    // Most values are written as listed, up to case: compare them byte for byte first.
    let bytes = field.trimmed.bytes
    let listed = keys.withUnsafeBytes { keys -> Int? in
      for (index, range) in ranges.enumerated() where range.count == bytes.count {
        var position = 0
        while position < bytes.count && keys[range.lowerBound + position] == Self.folded(bytes[position]) {
          position += 1
        }
        if position == bytes.count { return index }
      }
      return nil
    }
    if let listed { return values[listed] }
    return normalisedValue(of: field)
  }

  /// A byte as it compares: lower case, with `_`, `-` and TAB as a space.
  @inlinable
  static func folded(_ byte: UInt8) -> UInt8 {
    byte == 0x5F || byte == 0x2D || byte == 0x09 ? 0x20 : Field.lowercased(byte)
  }

  /// The lookup with runs of spaces, `_` and `-` collapsed first.
  @usableFromInline
  func normalisedValue(of field: Field) -> Value? {
    var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    return withUnsafeMutableBytes(of: &buffer) { scratch -> Value? in
      var length = 0
      let fits = Self.normalise(field.trimmed.bytes) { byte in
        guard length < scratch.count else { return false }
        scratch[length] = byte
        length += 1
        return true
      }
      guard fits else { return nil }
      return keys.withUnsafeBytes { keys -> Value? in
        for (index, range) in ranges.enumerated() where range.count == length {
          var position = 0
          while position < length && keys[range.lowerBound + position] == scratch[position] { position += 1 }
          if position == length { return values[index] }
        }
        return nil
      }
    }
  }

  private static func key(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    _ = normalise(bytes) { byte in
      result.append(byte)
      return true
    }
    return result
  }

  /// Feeds `bytes` normalised to `append`: folded (see `folded`), with each run of spaces
  /// as one space and none at either end. Stops, returning `false`, when `append` does.
  @inlinable
  static func normalise(_ bytes: some Sequence<UInt8>, _ append: (UInt8) -> Bool) -> Bool {
    var started = false
    var pendingSpace = false
    for byte in bytes {
      let folded = Self.folded(byte)
      if folded == 0x20 {
        pendingSpace = started
        continue
      }
      if pendingSpace {
        guard append(0x20) else { return false }
        pendingSpace = false
      }
      guard append(folded) else { return false }
      started = true
    }
    return true
  }
}
