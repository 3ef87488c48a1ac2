import KinerjaClean

/// Writes citizens' satisfaction responses: each agency is surveyed every quarter.
enum SurveyExport {
  static let unansweredShare = 0.05

  static func chunk(_ agencies: Range<Int>, world: World) -> ChunkOutput {
    let options = world.options
    var buffer = RowBuffer(style: options.style)
    var output = ChunkOutput(bytes: [])
    let quarters = (options.months + 2) / 3
    for agencyIndex in agencies {
      let agency = world.agencies[agencyIndex]
      let probabilities = World.answerProbabilities(satisfaction: agency.satisfaction)
      var random = StreamRandom(seed: options.seed, stream: .survey, index: agencyIndex)
      var bad = BadRows(
        input: .serviceFeedback, rate: options.badRowRate, seed: options.seed, index: agencyIndex)
      for quarter in 0..<quarters {
        let respondents = 8 + random.int(0...16)
        for respondent in 0..<respondents {
          let month = min(options.months - 1, quarter * 3 + random.int(0...2))
          let year = options.startYear + month / 12
          let monthOfYear = month % 12 + 1
          let day = random.int(1...NIPSpace.daysIn(month: monthOfYear, year: year))
          let unit = agency.units[random.int(0...(agency.units.count - 1))]
          var answers = (0..<9).map { _ in
            random.chance(unansweredShare) ? 0 : random.weighted(probabilities) + 1
          }
          if answers.allSatisfy({ $0 == 0 }) { answers[0] = random.weighted(probabilities) + 1 }
          let comment =
            random.chance(0.4) ? Words.surveyComments[random.int(0...(Words.surveyComments.count - 1))] : ""
          let id = "R\(agencyIndex)-\(quarter + 1)-\(respondent + 1)"
          bad.write(into: &buffer, counting: &output) { fault, losesAField, buffer in
            buffer.text(agency.code)
            buffer.text(unit)
            switch fault {
            case .missingRequired?: buffer.empty()
            case .invalidDate?: buffer.text(buffer.style == .agency ? "30/02/\(year)" : "\(year)-02-30")
            default: buffer.date((year, monthOfYear, day), form: respondent)
            }
            buffer.text(id)
            for (element, answer) in answers.enumerated() {
              switch (fault, element) {
              case (.invalidNumber?, 1): buffer.text("x")
              case (.valueOutOfRange?, 2): buffer.integer(5)
              case (.malformedRow?, 3) where !losesAField: buffer.raw(Array("3\"".utf8))
              default:
                if answer == 0 && fault == nil { buffer.empty() } else { buffer.integer(max(1, answer)) }
              }
            }
            // A broken row's comment stays on one line: after a misplaced quote the
            // reader skips to the end of the line, so a line break would split the row.
            if !losesAField { buffer.text(fault == .malformedRow ? "" : comment) }
            buffer.endRow()
          }
        }
      }
      output.add(bad.counts)
    }
    output.bytes = buffer.bytes
    return output
  }
}
