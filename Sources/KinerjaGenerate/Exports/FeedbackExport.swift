import KinerjaClean

/// Writes participants' evaluations of the programmes they completed.
enum FeedbackExport {
  static let evaluatedShare = 0.7

  static func chunk(_ employees: Range<Int>, world: World) -> ChunkOutput {
    let options = world.options
    var buffer = RowBuffer(style: options.style)
    var output = ChunkOutput(bytes: [])
    for index in employees {
      let plan = EmployeePlan(index: index, world: world)
      guard let participation = plan.participation, participation.completed else { continue }
      var random = StreamRandom(seed: options.seed, stream: .feedback, index: index)
      guard random.chance(evaluatedShare) else { continue }
      let quality = random.uniform(3.2...4.6)
      let aspects = (0..<4).map { _ in min(5, max(1, Int((quality + 0.6 * random.normal()).rounded()))) }
      let named = random.chance(0.6)
      let overallGiven = random.chance(0.5)
      let comment = Words.courseComments[random.int(0...(Words.courseComments.count - 1))]
      var bad = BadRows(input: .trainingFeedback, rate: options.badRowRate, seed: options.seed, index: index)
      bad.write(into: &buffer, counting: &output) { fault, losesAField, buffer in
        buffer.text(fault == .unknownProgram ? "DIK-0000-XX0-00" : participation.programme.id)
        if fault == .invalidNIP {
          buffer.text("123")
        } else if named {
          buffer.nip(plan.nip)
        } else {
          buffer.empty()
        }
        buffer.date(participation.programme.dates.end, form: index)
        for (position, value) in aspects.enumerated() {
          if position == 1 && fault == .valueOutOfRange { buffer.integer(6) } else { buffer.integer(value) }
        }
        if overallGiven {
          buffer.decimal(Double(aspects.reduce(0, +)) / 4, digits: 1)
        } else {
          buffer.empty()
        }
        if fault == .malformedRow && !losesAField {
          buffer.raw(Array("kurang \"jelas\" sekali".utf8))
        } else if !losesAField {
          buffer.text(comment)
        }
        buffer.endRow()
      }
      output.add(bad.counts)
    }
    output.bytes = buffer.bytes
    return output
  }
}
