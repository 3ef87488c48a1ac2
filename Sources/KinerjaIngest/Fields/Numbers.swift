#if canImport(Glibc)
  import Glibc
#endif

extension Field {
  /// The field as a decimal number written with `mark` as decimal separator.
  ///
  /// Accepts an optional sign, digits and at most one decimal mark; nothing else
  /// (no exponents, `NaN`, thousands separators or the other mark), so `1.234,5,6`
  /// and `1e309` are not numbers.
  public func decimal(mark: UInt8) -> Double? {
    let field = trimmed.bytes
    var (negative, index) = Self.sign(of: field)
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenMark = false
    var significant = 0
    while index < field.count {
      let byte = field[index]
      if Field.isDigit(byte) {
        digits += 1
        if significant > 0 || byte != 0x30 { significant += 1 }
        if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(byte - 0x30) }
        if seenMark { fractionDigits += 1 }
      } else if byte == mark && !seenMark {
        seenMark = true
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    if significant > 15 || fractionDigits > 22 { return Self.slowDecimal(field, mark: mark) }
    let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / Self.powersOfTen[fractionDigits]
    return negative ? -value : value
  }

  /// The field as a whole number of at most 18 digits.
  package func integer() -> Int64? {
    let field = trimmed.bytes
    var (negative, index) = Self.sign(of: field)
    guard index < field.count, field.count - index <= 18 else { return nil }
    var value: Int64 = 0
    while index < field.count {
      guard Field.isDigit(field[index]) else { return nil }
      value = value * 10 + Int64(field[index] - 0x30)
      index += 1
    }
    return negative ? -value : value
  }

  /// The field as an amount of rupiah: `Rp 1.250.000`, `IDR 1,250,000.50`, `1250000`.
  ///
  /// A `Rp`/`IDR` prefix and spaces are dropped. A separator is the decimal mark only
  /// when it is `mark`, occurs once and is followed by one or two digits (sen); every
  /// other `.` or `,` must separate groups of three digits.
  package func money(mark: UInt8) -> Double? {
    var digits: [UInt8] = []
    digits.reserveCapacity(24)
    var body = trimmed.bytes[...]
    var negative = false
    if body.first == UInt8(ascii: "-") {
      negative = true
      body = body.dropFirst()
    }
    let lowered = body.prefix(3).map(Field.lowercased)
    if lowered.starts(with: Array("idr".utf8)) {
      body = body.dropFirst(3)
    } else if lowered.starts(with: Array("rp".utf8)) {
      body = body.dropFirst(2)
      if body.first == UInt8(ascii: ".") { body = body.dropFirst() }
    }
    if body.first == UInt8(ascii: "-") && !negative {
      negative = true
      body = body.dropFirst()
    }
    var separators: [(position: Int, byte: UInt8)] = []
    for byte in body {
      if Field.isDigit(byte) {
        digits.append(byte)
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
        separators.append((digits.count, byte))
      } else if byte != 0x20 && byte != 0xC2 && byte != 0xA0 {
        return nil
      }
    }
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var fractionDigits = 0
    if let last = separators.last, last.byte == mark,
      separators.filter({ $0.byte == mark }).count == 1,
      (1...2).contains(digits.count - last.position)
    {
      fractionDigits = digits.count - last.position
      separators.removeLast()
    }
    var previous: Int?
    for separator in separators {
      guard separator.position > 0 else { return nil }
      if let previous, separator.position - previous != 3 { return nil }
      previous = separator.position
    }
    if let previous, digits.count - fractionDigits - previous != 3 { return nil }
    var mantissa: UInt64 = 0
    for digit in digits { mantissa = mantissa * 10 + UInt64(digit - 0x30) }
    let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
    return negative ? -value : value
  }

  /// Whether `field` starts with `-`, and where its digits start after an optional sign.
  private static func sign(of field: UnsafeRawBufferPointer) -> (negative: Bool, digitsStart: Int) {
    guard let first = field.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else {
      return (false, 0)
    }
    return (first == UInt8(ascii: "-"), 1)
  }

  /// Exact powers of ten representable in a `Double`; division by them is correctly rounded.
  static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Long mantissas: let the C library round them correctly.
  private static func slowDecimal(_ field: UnsafeRawBufferPointer, mark: UInt8) -> Double? {
    guard field.count < 64 else { return nil }
    var text = field.map { $0 == mark ? UInt8(ascii: ".") : $0 }
    text.append(0)
    return text.withUnsafeBufferPointer { buffer -> Double? in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        let value = strtod(pointer, nil)
        return value.isFinite ? value : nil
      }
    }
  }
}
