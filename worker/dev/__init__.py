"""Development tools, apart from the product: the demo, the tiny random-weight
models of the tests, the embedded Tansu broker, the Gemma conversion, and the
conversion of evaluation sets into news items (for `finnews publish`).

The worker's serving path never imports this package.
"""
