import Mustache

/// The report page: Mustache templates with the stylesheet inline, so the file opens
/// offline from disk and prints on A4. Charts arrive as finished SVG (triple braces);
/// every other value is escaped by the template engine.
enum ReportTemplate {
  /// The templates by name: `page`, which uses `table` for every table.
  static func library() throws -> MustacheLibrary {
    var library = MustacheLibrary()
    try library.register(page, named: "page")
    try library.register(table, named: "table")
    return library
  }

  /// One table with its caption: a `ReportTable`.
  static let table = """
    <table><caption>{{caption}}</caption>
    <thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead>
    <tbody>
    {{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
    {{/rows}}
    </tbody></table>

    """

  static let page = """
    <!DOCTYPE html>
    <html lang="{{language}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    <style>
    @page { size: A4; margin: 14mm 12mm; }
    body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1c2430; margin: 0 auto; max-width: 190mm; padding: 12px; font-size: 10.5pt; line-height: 1.4; }
    h1 { font-size: 18pt; margin: 0 0 6px; border-bottom: 3px solid #1f5f8b; padding-bottom: 4px; }
    h2 { font-size: 13.5pt; margin: 22px 0 6px; color: #1f5f8b; break-after: avoid; }
    section { margin-bottom: 16px; }
    dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; margin: 6px 0 10px; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0; }
    figure { margin: 8px 0 4px; break-inside: avoid; }
    figcaption { font-size: 10pt; font-weight: bold; margin-bottom: 2px; }
    p.note { font-size: 9pt; color: #44505e; margin: 4px 0; }
    svg.chart { max-width: 100%; height: auto; display: block; }
    svg.chart .label { font-size: 10px; fill: #1c2430; }
    svg.chart .tick { font-size: 9px; fill: #55606e; }
    svg.chart .value { font-size: 9px; fill: #1c2430; }
    svg.chart .axis-title { font-size: 10px; fill: #1c2430; font-weight: bold; }
    svg.chart .panel-title { font-size: 10px; fill: #1c2430; font-weight: bold; }
    svg.chart .grid { stroke: #e2e6ea; stroke-width: 1; }
    svg.chart .axis { stroke: #55606e; stroke-width: 1; }
    svg.chart .reference { stroke: #b03a2e; stroke-width: 1.2; }
    svg.chart .divider { stroke: #8a939c; stroke-width: 1; stroke-dasharray: 4 3; }
    svg.chart .series { fill: none; stroke: #1f5f8b; stroke-width: 1.8; }
    svg.chart .band { fill: #1f5f8b; fill-opacity: 0.15; stroke: none; }
    svg.chart .point { fill: #1f5f8b; }
    svg.chart .point-pre { fill: #8a939c; }
    svg.chart .whisker { stroke: #1c2430; stroke-width: 1.2; }
    svg.chart .band { fill: #c9d6e8; }
    svg.chart .bar { fill: #4f8fbf; }
    table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 6px 0 12px; }
    caption { text-align: left; font-weight: bold; font-size: 9pt; padding: 2px 0; }
    th, td { border-bottom: 1px solid #d5dae0; padding: 2px 5px; text-align: left; vertical-align: top; }
    th { background: #eef2f6; }
    td { font-variant-numeric: tabular-nums; }
    tr { break-inside: avoid; }
    footer { margin-top: 20px; font-size: 8.5pt; color: #55606e; border-top: 1px solid #d5dae0; padding-top: 6px; }
    </style>
    </head>
    <body>
    <h1>{{title}}</h1>
    {{#summary}}
    <section id="{{id}}">
    <h2>{{title}}</h2>
    <dl class="facts">
    {{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>
    {{/facts}}
    </dl>
    {{#tables}}
    {{> table}}
    {{/tables}}
    </section>
    {{/summary}}
    {{#sections}}
    <section id="{{id}}">
    <h2>{{title}}</h2>
    {{#note}}<p class="note">{{note}}</p>{{/note}}
    {{#figures}}
    <figure>
    <figcaption>{{caption}}</figcaption>
    {{{svg}}}
    </figure>
    {{#table}}
    {{> table}}
    {{/table}}
    {{/figures}}
    {{#tables}}
    {{> table}}
    {{/tables}}
    </section>
    {{/sections}}
    <footer>{{footer}}</footer>
    </body>
    </html>

    """
}
