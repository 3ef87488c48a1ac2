/// A problem with the pipeline file, pointing at the key and line (exit 2).
package struct PipelineFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pipeline file.
  package var path: String
  /// The 1-based line, when the problem has one.
  package var line: Int?
  /// The 1-based column, when the problem has one.
  package var column: Int?
  /// The key at fault, dotted from the top (`inputs.training.delimiter`), if any.
  package var key: String?
  /// What is wrong.
  package var message: String

  package init(path: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.key = key
    self.message = message
  }

  package var description: String {
    var place = path
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): " + (key.map { "'\($0)': " } ?? "") + message
  }
}
