"""The multi-ministry service: people and roles, sign-in, tokens, rate limits, submissions and
their review, the audit trail. Everything lives in the store (:mod:`ipkpi.store.service_schema`),
so any number of processes and hosts over one store agree; the web and CLI layers call this
package, never the tables directly.
"""
