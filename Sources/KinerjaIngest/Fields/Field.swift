/// The bytes of one field of a record, with the checks every converter shares.
///
/// A `Field` is a view: it is valid only while the record it came from is.
public struct Field {
  /// The field's bytes as libcsv delivered them (quotes removed).
  package let bytes: UnsafeRawBufferPointer

  public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// The field without leading and trailing spaces, tabs and no-break spaces.
  package var trimmed: Field {
    guard let base = bytes.baseAddress else { return self }
    var start = 0
    var end = bytes.count
    while start < end {
      if bytes[start] == 0x20 || bytes[start] == 0x09 {
        start += 1
      } else if start + 1 < end && bytes[start] == 0xC2 && bytes[start + 1] == 0xA0 {
        start += 2
      } else {
        break
      }
    }
    while end > start {
      if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
        end -= 1
      } else if end - 2 >= start && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 {
        end -= 2
      } else {
        break
      }
    }
    return Field(UnsafeRawBufferPointer(start: base + start, count: end - start))
  }

  /// Whether the field means "no value": empty, `-`, `NA`, `N/A` or `null` (any case).
  package var isMissing: Bool {
    let field = trimmed
    switch field.bytes.count {
    case 0: return true
    case 1: return field.bytes[0] == UInt8(ascii: "-")
    case 2: return field.equalsLowercased("na")
    case 3: return field.equalsLowercased("n/a")
    case 4: return field.equalsLowercased("null")
    default: return false
    }
  }

  /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
  package var isValidUTF8: Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return false
      }
      guard index + length <= count else { return false }
      let second = bytes[index + 1]
      guard second >= lower && second <= upper else { return false }
      for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
      index += length
    }
    return true
  }

  /// The field as text; for values that become names and labels, not for hot numeric paths.
  package var text: String { String(decoding: trimmed.bytes, as: UTF8.self) }

  /// Whether the field equals `word` ignoring ASCII case; `word` must be lowercase ASCII.
  package func equalsLowercased(_ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for index in 0..<bytes.count where Self.lowercased(bytes[index]) != expected[index] { return false }
    return true
  }

  @inline(__always)
  package static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  @inline(__always)
  package static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  @inline(__always)
  package static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
}
