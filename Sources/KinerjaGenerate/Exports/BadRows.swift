import KinerjaClean
import KinerjaIngest

/// Decides, row by row, whether a bad row of some kind is written beside a clean one.
///
/// Draws come from a stream of their own, so the clean rows (and so the planted truth)
/// are the same at any bad-row rate.
struct BadRows {
  /// The reasons each input's bad rows are made to be rejected for.
  static func reasons(for input: InputKind) -> [RejectReason] {
    switch input {
    case .employees:
      [
        .malformedRow, .invalidEncoding, .invalidNIP, .missingRequired, .unknownValue, .invalidDate,
        .duplicateEmployee,
      ]
    case .performance:
      [
        .malformedRow, .invalidEncoding, .missingRequired, .invalidNIP, .unknownEmployee, .invalidPeriod,
        .invalidNumber,
        .scoreOutOfRange, .unknownValue, .duplicatePeriod, .periodCoarserThanGrain,
      ]
    case .training:
      [
        .malformedRow, .invalidNIP, .unknownEmployee, .missingRequired, .unknownValue, .invalidDate,
        .invalidDates,
        .invalidNumber, .valueOutOfRange,
      ]
    case .serviceFeedback:
      [.malformedRow, .missingRequired, .invalidDate, .invalidNumber, .valueOutOfRange]
    case .trainingFeedback:
      [.malformedRow, .unknownProgram, .valueOutOfRange, .invalidNIP]
    }
  }

  let rate: Double
  let reasons: [RejectReason]
  var random: StreamRandom
  /// Bad rows written so far, by reason.
  private(set) var counts: [RejectReason: Int] = [:]

  init(input: InputKind, rate: Double, seed: UInt64, index: Int) {
    self.rate = rate
    reasons = Self.reasons(for: input)
    let inputNumber = InputKind.readingOrder.firstIndex(of: input)!
    random = StreamRandom(seed: seed, stream: .badRows, index: index &* 8 &+ inputNumber)
  }

  /// The reason of a bad row to write now, or `nil` for none; counts it.
  mutating func next() -> RejectReason? {
    guard rate > 0, random.chance(rate) else { return nil }
    let reason = reasons[random.int(0...(reasons.count - 1))]
    counts[reason, default: 0] += 1
    return reason
  }

  /// Half the malformed rows lose their last field; the others carry a misplaced quote.
  mutating func losesAField() -> Bool { random.chance(0.5) }

  /// Writes a clean row with `row` and counts it, then perhaps a bad row of a drawn kind;
  /// `row` is told the fault (nil for the clean row) and whether the row loses a field.
  mutating func write(
    into buffer: inout RowBuffer, counting output: inout ChunkOutput,
    _ row: (RejectReason?, Bool, inout RowBuffer) -> Void
  ) {
    row(nil, false, &buffer)
    output.cleanRows += 1
    if let fault = next() {
      row(fault, fault == .malformedRow && losesAField(), &buffer)
    }
  }
}

/// What one chunk of an export came to.
struct ChunkOutput: Sendable {
  var bytes: [UInt8]
  var cleanRows = 0
  var badRows: [RejectReason: Int] = [:]

  mutating func add(_ counts: [RejectReason: Int]) {
    for (reason, count) in counts { badRows[reason, default: 0] += count }
  }
}
