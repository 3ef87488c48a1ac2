package import KinerjaAggregate
package import KinerjaClean

/// A training effect with its 95 % interval, as cost-effectiveness uses it.
package struct EffectEstimate: Sendable {
  package var att: Double
  package var low: Double
  package var high: Double
  /// Treated employees behind the estimate.
  package var treated: Int

  package init(att: Double, low: Double, high: Double, treated: Int) {
    self.att = att
    self.low = low
    self.high = high
    self.treated = treated
  }
}

/// One row of `cost_effectiveness`: what a programme or a method cost and what it did.
package struct CostEffectivenessRow: Sendable {
  /// ``Dimension/program`` or ``Dimension/method``.
  package var by: Dimension
  package var value: String
  /// The programme's name (empty for methods).
  package var name: String
  /// Participations, of any status, and those completed.
  package var participants: Int
  package var completed: Int
  /// Rupiah spent on every participation.
  package var totalCost: Double
  package var costPerParticipant: Double?
  /// JP of completed participations and the cost of each.
  package var totalJP: Double
  package var costPerJP: Double?
  /// The DiD effect after the training period (`post_training`) and its 95 % interval.
  package var effect: EffectEstimate?
  /// Rupiah per participant per point of performance gained: cost per participant / effect.
  package var costPerPoint: Double?
  /// Why `costPerPoint` is empty, when it is.
  package var note: String?

  /// Rows per programme and per method; `effects` gives each its DiD estimate, if any.
  package static func rows(
    participations: ParticipationTable, programEffects: [Int32: EffectEstimate],
    methodEffects: [TrainingMethod: EffectEstimate]
  ) -> [CostEffectivenessRow] {
    struct Totals {
      var participants = 0
      var completed = 0
      var cost = 0.0
      var jp = 0.0
    }
    var programs: [Int32: Totals] = [:]
    var methods: [TrainingMethod: Totals] = [:]
    for index in 0..<participations.count {
      let cost = participations.costIDR[index]
      let hours = participations.hoursJP[index]
      let completed = participations.status[index] == .completed
      func add(_ totals: inout Totals) {
        totals.participants += 1
        totals.cost += cost.isNaN ? 0 : cost
        if completed {
          totals.completed += 1
          totals.jp += hours.isNaN ? 0 : hours
        }
      }
      add(&programs[participations.program[index], default: Totals()])
      add(&methods[participations.method[index], default: Totals()])
    }
    func row(_ by: Dimension, _ value: String, _ name: String, _ totals: Totals, _ effect: EffectEstimate?)
      -> CostEffectivenessRow
    {
      let perParticipant = totals.participants > 0 ? totals.cost / Double(totals.participants) : nil
      var row = CostEffectivenessRow(
        by: by, value: value, name: name, participants: totals.participants, completed: totals.completed,
        totalCost: totals.cost, costPerParticipant: perParticipant, totalJP: totals.jp,
        costPerJP: totals.jp > 0 ? totals.cost / totals.jp : nil, effect: effect)
      switch effect {
      case nil:
        row.note = "no DiD estimate: too few treated employees with a score in every period"
      case let effect? where effect.low <= 0 && effect.high >= 0:
        row.note = "the effect's 95% CI includes 0, so no cost per point is given"
      case let effect? where effect.att < 0:
        row.note = "the effect is negative"
      case let effect?:
        row.costPerPoint = perParticipant.map { $0 / effect.att }
      }
      return row
    }
    let programRows = programs.keys.sorted { participations.programs[$0] < participations.programs[$1] }.map {
      id in
      row(
        .program, participations.programs[id], participations.programNames[Int(id)], programs[id]!,
        programEffects[id])
    }
    let methodRows = TrainingMethod.allCases.compactMap { method in
      methods[method].map { row(.method, method.description, "", $0, methodEffects[method]) }
    }
    return programRows + methodRows
  }
}
