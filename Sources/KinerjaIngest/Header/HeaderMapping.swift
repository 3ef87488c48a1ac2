/// How an export's header lines up with an input's canonical columns.
///
/// Header names match case-insensitively, ignoring spaces, `_`, `-` and `.`; aliases are
/// equivalent to the canonical name; a `columns:` override in the pipeline file maps an
/// export's own header name to a canonical one. Unknown columns are kept for the
/// data-quality report and otherwise ignored.
public struct HeaderMapping: Sendable {
  /// The schema the header was matched against.
  package let schema: InputSchema
  /// The header as written in the file.
  package let header: [String]
  /// For each canonical column present, its 0-based position in the header.
  package let positions: [String: Int]
  /// Header names that match no canonical column.
  package let unknownColumns: [String]

  /// The shape every record of the export has: the header's field count, and line breaks
  /// only in free-text columns and in columns the contract does not know.
  public var recordShape: RecordShape {
    var lineBreaks = Array(repeating: true, count: header.count)
    for (name, position) in positions where schema.column(named: name)?.isFreeText == false {
      lineBreaks[position] = false
    }
    return RecordShape(fields: header.count, lineBreaks: lineBreaks)
  }

  /// Matches `header` against `schema`, applying `overrides` (export header → canonical name).
  package init(
    header: [String], schema: InputSchema, overrides: [String: String] = [:], path: String
  ) throws {
    let overridesByKey = Dictionary(
      overrides.map { (Self.normalise($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
    var lookup: [String: String] = [:]
    for column in schema.columns {
      for name in [column.name] + column.aliases { lookup[Self.normalise(name)] = column.name }
    }
    var positions: [String: Int] = [:]
    var unknown: [String] = []
    for (position, name) in header.enumerated() {
      let key = Self.normalise(name)
      let canonical: String
      if let target = overridesByKey[key] {
        guard schema.column(named: target) != nil else {
          throw IngestError.unknownCanonicalColumn(
            path: path, input: schema.kind.rawValue, column: target, known: schema.columns.map(\.name))
        }
        canonical = target
      } else if let match = lookup[key] {
        canonical = match
      } else {
        unknown.append(name)
        continue
      }
      if let earlier = positions[canonical] {
        throw IngestError.duplicateColumn(
          path: path, column: canonical, headers: [header[earlier], name],
          positions: [earlier + 1, position + 1])
      }
      positions[canonical] = position
    }
    // A first line of which no name is known may be a data row (the header missing): it is
    // then not quoted, since it may hold a name or a comment.
    let quotable = positions.isEmpty ? [] : header
    for column in schema.columns where column.isRequired && positions[column.name] == nil {
      throw IngestError.missingColumn(
        path: path, input: schema.kind.rawValue, column: column.name,
        accepted: [column.name] + column.aliases,
        header: quotable)
    }
    for choice in schema.requiredChoices
    where !choice.contains(where: { option in option.allSatisfy { positions[$0] != nil } }) {
      let described = choice.map { $0.joined(separator: " + ") }.joined(separator: " or ")
      throw IngestError.missingColumn(
        path: path, input: schema.kind.rawValue, column: described,
        accepted: choice.flatMap { $0 }, header: quotable)
    }
    self.schema = schema
    self.header = header
    self.positions = positions
    self.unknownColumns = unknown
  }

  /// The header position of canonical column `name`, or `nil` when the export lacks it.
  package func position(of name: String) -> Int? { positions[name] }

  /// The canonical columns present, each with the header name that supplied it, in header order.
  package var columnsUsed: [(canonical: String, header: String)] {
    positions.sorted { $0.value < $1.value }.map { ($0.key, header[$0.value]) }
  }

  /// Header positions of columns safe to copy into rejects: mapped and not personal.
  package var reportablePositions: [(canonical: String, position: Int)] {
    columnsUsed.compactMap { used in
      guard let column = schema.column(named: used.canonical), !column.isPersonal,
        let position = positions[used.canonical]
      else { return nil }
      return (used.canonical, position)
    }
  }

  /// A header name reduced to the form names are compared in.
  package static func normalise(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        name.unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) && $0 != "\u{FEFF}" }
      )
    ).lowercased()
  }
}
