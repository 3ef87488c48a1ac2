import KinerjaIngest

/// The checks every input's rows go through before their own rules.
struct RowChecks {
  let expectedFields: Int

  init(_ input: InputReader) {
    expectedFields = input.mapping.header.count
  }

  /// Rejects a broken record, a record with the wrong field count, or invalid UTF-8.
  func check(_ record: CSVRecord, mapping: HeaderMapping) throws(Rejection) {
    switch record.malformation {
    case .misplacedQuote?:
      throw Rejection(.malformedRow, detail: "misplaced quote")
    case .unterminatedQuote?:
      throw Rejection(.malformedRow, detail: "quote still open at end of file")
    case .tooLong?:
      throw Rejection(.malformedRow, detail: "record longer than 16 MiB; the rest of its line is skipped")
    case .strayQuote(let field)?:
      let column = mapping.positions.first { $0.value == field }?.key
      throw Rejection(
        .malformedRow, column: column ?? (field < mapping.header.count ? mapping.header[field] : nil),
        detail: "a quote opened in column \(field + 1) runs over the line end; this line is rejected "
          + "alone and reading goes on with the next")
    case nil:
      break
    }
    guard record.count == expectedFields else {
      throw Rejection(.malformedRow, detail: "expected \(expectedFields) fields, found \(record.count)")
    }
    if record.isASCII { return }
    for index in 0..<record.count where !Field(record[index]).isValidUTF8 {
      let column = mapping.columnsUsed.first { mapping.positions[$0.canonical] == index }?.canonical
      throw Rejection(
        .invalidEncoding, column: column ?? mapping.header[index], detail: "column \(index + 1)")
    }
  }
}

/// Reads one canonical column of a record, turning absent or bad values into rejections.
struct ColumnReader {
  let name: String
  let position: Int?
  /// The input's decimal mark, for numbers.
  let mark: UInt8

  init(_ name: String, of input: InputReader) {
    self.name = name
    self.position = input.mapping.position(of: name)
    self.mark = input.dialect.decimalMark
  }

  /// The field, or `nil` when the column is absent or the value is a missing marker.
  @inline(__always)
  func optional(_ record: CSVRecord) -> Field? {
    guard let position else { return nil }
    let field = Field(record[position])
    return field.isMissing ? nil : field
  }

  /// The field; a missing value is `missing_required`.
  @inline(__always)
  func required(_ record: CSVRecord) throws(Rejection) -> Field {
    guard let field = optional(record) else { throw Rejection(.missingRequired, column: name) }
    return field
  }

  /// Converts a present value with `convert`; `nil` from it becomes `reason`.
  @inline(__always)
  func converted<Value>(
    _ record: CSVRecord, required: Bool = false, else reason: RejectReason,
    _ convert: (Field) -> Value?
  ) throws(Rejection) -> Value? {
    guard let field = required ? try self.required(record) : optional(record) else { return nil }
    guard let value = convert(field) else { throw Rejection(reason, column: name) }
    return value
  }

  /// A decimal number within `range`; outside it is `outOfRange`.
  @inline(__always)
  func number(
    _ record: CSVRecord, in range: ClosedRange<Double>,
    outOfRange: RejectReason = .valueOutOfRange
  ) throws(Rejection) -> Double? {
    guard let value = try converted(record, else: .invalidNumber, { $0.decimal(mark: mark) }) else {
      return nil
    }
    guard range.contains(value) else { throw Rejection(outOfRange, column: name) }
    return value
  }

  /// The roster index of the employee the record's NIP names; a missing NIP is
  /// `missing_required`, a bad one `invalid_nip`, one the roster does not know
  /// `unknown_employee`.
  @inline(__always)
  func employee(_ record: CSVRecord, in roster: EmployeeRoster) throws(Rejection) -> Int32 {
    try employee(of: required(record), in: roster)
  }

  /// Like ``employee(_:in:)`` for a column that may be left empty: `nil` when it is.
  @inline(__always)
  func employeeIfGiven(_ record: CSVRecord, in roster: EmployeeRoster) throws(Rejection) -> Int32? {
    guard let field = optional(record) else { return nil }
    return try employee(of: field, in: roster)
  }

  @inline(__always)
  private func employee(of field: Field, in roster: EmployeeRoster) throws(Rejection) -> Int32 {
    guard let id = NIP(field) else { throw Rejection(.invalidNIP, column: name) }
    guard let employee = roster.index(of: id) else { throw Rejection(.unknownEmployee, column: name) }
    return employee
  }
}
