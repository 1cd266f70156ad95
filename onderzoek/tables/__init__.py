"""What a research export contains: the tables, their columns and their meaning.

This package is the single source of the export and of its codebook: a column that is
not described here is not exported. Natural persons (bewoners, professionals) are never
named: every actor appears as a keyed pseudonym, and only organisations and verenigingen
keep their name. Free text (notes, descriptions, goals, reasons) may name people, so it is
only exported in an identifiable export, which only an administrator can make from the CLI,
or not at all. Contact data and a partner's contactpersoon are never exported, nor is the
timeline of who changed what (buurt.Wijziging): it names the people who made each change.
"""

from . import actoren, initiatieven, netwerk, overleg

TABLES = actoren.TABLES + initiatieven.TABLES + netwerk.TABLES + overleg.TABLES

TABLES_BY_NAME = {table.name: table for table in TABLES}
