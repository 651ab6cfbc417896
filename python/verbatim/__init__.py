"""Verbatim from Python: people, organisations, places, times and quotes with
their speakers, from news text.

    import verbatim
    for record in verbatim.annotate(["“Yes,” Neil Basu said on Tuesday."]):
        print(record["entities"], record["quotes"])

``annotate`` streams through the ``verbatim`` command-line tool (a subprocess)
or, with ``url=``, through a running ``verbatim serve``; both yield the same
dicts (output schema 1). ``to_spacy`` and the spaCy component ``"verbatim"``
(registered when spaCy is installed) turn them into spaCy ``Doc``s.
"""

from .client import VerbatimError, VerbatimRecordError, annotate, find_binary

__all__ = ["annotate", "find_binary", "to_spacy", "VerbatimError", "VerbatimRecordError"]
__version__ = "0.1.0"


def to_spacy(record, nlp, labels="ontonotes"):
    """A spaCy ``Doc`` for one annotated record: ``nlp``'s tokens (its tokenizer
    only), the entities as ``doc.ents`` and the quotes as ``doc.spans["quotes"]``.
    See ``verbatim.spacy_component.to_spacy``."""
    from .spacy_component import to_spacy as convert

    return convert(record, nlp, labels=labels)


try:  # Registers the "verbatim" factory for nlp.add_pipe when spaCy is there.
    import spacy as _spacy  # noqa: F401
except ImportError:
    pass
else:
    from . import spacy_component as _spacy_component  # noqa: F401
