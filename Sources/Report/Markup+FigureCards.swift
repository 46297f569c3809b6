extension Markup {
    /// A row of figure cards (`.figures`): each a name, a value and a detail line, all text, and an
    /// optional state class (`warning`, `error`) that the style sheet marks with a symbol as well as
    /// a colour.
    package static func figureCards(_ cards: [(name: String, value: String, detail: String, state: String?)])
        -> String
    {
        element(
            "div", [("class", "figures")],
            cards.map { card in
                element(
                    "div", [("class", card.state.map { "figure-card " + $0 } ?? "figure-card")],
                    element("div", [("class", "name")], escape(card.name))
                        + element("div", [("class", "value")], escape(card.value))
                        + element("div", [("class", "detail")], escape(card.detail)))
            }.joined(separator: "\n"))
    }
}
