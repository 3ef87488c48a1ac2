/// A closed list of words (ratings, methods, statuses, month names) looked up from bytes.
///
/// Matching ignores ASCII case, surrounding spaces, and treats runs of spaces, `_`
/// and `-` inside the value as one space, so `Sangat  Baik`, `sangat_baik` and
/// `SANGAT-BAIK` are the same word. No `String` is made per lookup.
public struct Vocabulary<Value: Sendable>: Sendable {
  private let entries: [(key: [UInt8], value: Value)]

  /// Creates a vocabulary from spellings and the value each stands for.
  public init(_ spellings: KeyValuePairs<String, Value>) {
    entries = spellings.map { (Self.key(Array($0.key.utf8)), $0.value) }
  }

  /// The value `field` spells, or `nil` when it is not in the list.
  public func value(of field: Field) -> Value? {
    var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    return withUnsafeMutableBytes(of: &buffer) { scratch -> Value? in
      var length = 0
      var pendingSpace = false
      for byte in field.trimmed.bytes {
        if byte == 0x20 || byte == 0x5F || byte == 0x2D || byte == 0x09 {
          pendingSpace = length > 0
          continue
        }
        if pendingSpace {
          guard length < scratch.count else { return nil }
          scratch[length] = 0x20
          length += 1
          pendingSpace = false
        }
        guard length < scratch.count else { return nil }
        scratch[length] = Field.lowercased(byte)
        length += 1
      }
      let key = UnsafeRawBufferPointer(rebasing: scratch[0..<length])
      for entry in entries where entry.key.count == length {
        if entry.key.withUnsafeBytes({ $0.elementsEqual(key) }) { return entry.value }
      }
      return nil
    }
  }

  private static func key(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var pendingSpace = false
    for byte in bytes {
      if byte == 0x20 || byte == 0x5F || byte == 0x2D {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(0x20)
        pendingSpace = false
      }
      result.append(Field.lowercased(byte))
    }
    return result
  }
}
