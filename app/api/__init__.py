"""The JSON interface: one router per resource, mapped onto the domains' services and
:mod:`app.flows`. Routes parse the request, authorize it, call one use case and shape the response
(ETags, pagination, problem details); they hold no rule of their own. A second interface (the web
pages) calls the same functions, so nothing here may be the only place a rule or an audit entry
lives."""
