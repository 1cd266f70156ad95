"""Quoting the research, and telling the app's own advice apart from it.

``{% quote %}…{% endquote %}`` (or ``{% quote inline %}``) wraps words of the research summary,
verbatim, in ``<blockquote cite>`` (or ``<q cite>``) with the source next to it;
``{% tip %}…{% endtip %}`` labels the app's own advice as a tip. tests/test_research_quotes.py
checks every quote on the demo's pages against the reference text.
"""

from django import template

register = template.Library()

# Where the research summary itself sends a reader who wants to read more.
SOURCE_URL = "https://lnkd.in/eh-EbFZq"


class IncludeBodyNode(template.Node):
    def __init__(self, nodelist, template_name, extra):
        self.nodelist = nodelist
        self.template_name = template_name
        self.extra = extra

    def render(self, context):
        body = self.nodelist.render(context)
        included = context.template.engine.get_template(self.template_name)
        with context.push(body=body, cite=SOURCE_URL, **self.extra):
            return included.render(context)


@register.tag
def quote(parser, token):
    bits = token.split_contents()
    if bits[1:] not in ([], ["inline"]):
        raise template.TemplateSyntaxError("{% quote %} takes only the optional word 'inline'")
    nodelist = parser.parse(("endquote",))
    parser.delete_first_token()
    return IncludeBodyNode(nodelist, "includes/research_quote.html", {"inline": len(bits) > 1})


@register.tag
def tip(parser, token):
    if len(token.split_contents()) > 1:
        raise template.TemplateSyntaxError("{% tip %} takes no arguments")
    nodelist = parser.parse(("endtip",))
    parser.delete_first_token()
    return IncludeBodyNode(nodelist, "includes/tip.html", {})
