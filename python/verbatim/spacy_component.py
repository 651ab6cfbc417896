"""spaCy integration: ``to_spacy`` and the pipeline component ``"verbatim"``.

Entities become ``doc.ents`` and quotes the span group ``doc.spans["quotes"]``,
on the tokens of the ``nlp`` they are given (a Verbatim span that ends inside
one of its tokens is widened to the token). Attributes, on ``Span._``:

- entities: ``verbatim_label`` (PERSON, ORG, PLACE, TIME), ``verbatim_type``
  (a PLACE's or TIME's type), ``time_value`` (TIMEX3 value), ``cluster``
  (the cluster id), ``cluster_name`` (its fullest name);
- quotes (``span.label_`` is the kind): ``kind`` (direct, partial or
  indirect: reported speech, the span its content),
  ``speaker`` (the speaker's mention as a ``Span``, or None), ``speaker_name``
  (the resolved name, or None), ``cue`` (the reporting verb, noun or colon as a
  ``Span``, or None).
"""

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .client import annotate

__all__ = ["to_spacy", "apply_record", "VerbatimComponent", "make_verbatim_component"]

ENTITY_ATTRIBUTES = ("verbatim_label", "verbatim_type", "time_value", "cluster", "cluster_name")
QUOTE_ATTRIBUTES = ("kind", "speaker", "speaker_name", "cue")

# spaCy's OntoNotes labels, as `verbatim annotate --format spacy` writes them, so
# that displaCy colours them and they compare with the en_core_web_* models.
GPE_TYPES = {"country", "region", "city", "state", "county", "province", "town", "village", "district"}
FAC_TYPES = {"facility", "street", "building", "airport", "station", "road"}


def _register_extensions():
    for name in ENTITY_ATTRIBUTES + QUOTE_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register_extensions()


def ontonotes_label(entity):
    label, kind = entity["label"], entity.get("type")
    if label == "PLACE":
        return "GPE" if kind in GPE_TYPES else "FAC" if kind in FAC_TYPES else "LOC"
    if label == "TIME":
        return "TIME" if kind == "TIME" else "DATE"
    return label


def _span(doc, start, end, label=""):
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def apply_record(doc, record, labels="ontonotes"):
    """Sets ``record``'s entities and quotes on ``doc``, whose text must be the
    record's text. ``labels="verbatim"`` keeps PERSON, ORG, PLACE and TIME."""
    if "error" in record:
        raise ValueError(f"record {record.get('id')} failed: {record['error'].get('message')}")
    if labels not in ("ontonotes", "verbatim"):
        raise ValueError('labels must be "ontonotes" or "verbatim"')
    text = record.get("text")
    if text is not None and text != doc.text:
        raise ValueError(f"record {record.get('id')}: its text is not the Doc's text")
    names = {c["id"]: c.get("name") for c in record.get("clusters", [])}
    entities = []
    for entity in record.get("entities", []):
        label = ontonotes_label(entity) if labels == "ontonotes" else entity["label"]
        span = _span(doc, entity["start"], entity["end"], label)
        if span is None:
            continue
        span._.verbatim_label = entity["label"]
        span._.verbatim_type = entity.get("type")
        span._.time_value = entity.get("value")
        span._.cluster = entity.get("cluster")
        span._.cluster_name = names.get(entity.get("cluster"))
        entities.append(span)
    # Widening to tokens can make two entities overlap; spaCy's ents cannot, so
    # the longer one stays (spacy.util.filter_spans).
    doc.ents = filter_spans(entities)
    quotes = []
    for quote in record.get("quotes", []):
        span = _span(doc, quote["start"], quote["end"], quote["kind"])
        if span is None:
            continue
        speaker, cue = quote.get("speaker"), quote.get("cue")
        span._.kind = quote["kind"]
        span._.speaker = _span(doc, speaker["start"], speaker["end"]) if speaker else None
        span._.speaker_name = (speaker.get("name") or speaker.get("text")) if speaker else None
        span._.cue = _span(doc, cue["start"], cue["end"]) if cue else None
        quotes.append(span)
    doc.spans["quotes"] = quotes
    return doc


def to_spacy(record, nlp, labels="ontonotes"):
    """A ``Doc`` for one annotated record (a dict from ``verbatim.annotate`` or a
    line of ``verbatim annotate``), tokenized by ``nlp``'s tokenizer alone."""
    if "text" not in record:
        raise ValueError(f"record {record.get('id')} has no text (annotated with no_text?)")
    return apply_record(nlp.make_doc(record["text"]), record, labels=labels)


class VerbatimComponent:
    """Annotates each Doc's text with Verbatim and sets its ents and quotes.

    One Doc (``nlp(text)``) runs one ``verbatim annotate`` process, or one
    request when ``url`` names a running ``verbatim serve``; ``nlp.pipe(texts)``
    streams a whole batch through one process or one request per
    ``batch_size`` Docs, which is much faster.
    """

    def __init__(self, name, binary=None, url=None, models=None, labels="ontonotes", explain=False, batch_size=256):
        self.name = name
        self.options = {"binary": binary, "url": url, "models": models, "explain": explain}
        self.labels = labels
        self.batch_size = batch_size

    def _annotate(self, docs):
        texts = (doc.text for doc in docs)
        return annotate(texts, batch_size=self.batch_size, **self.options)

    def __call__(self, doc):
        (record,) = list(self._annotate([doc]))
        return apply_record(doc, record, labels=self.labels)

    def pipe(self, stream, batch_size=None):
        batch_size = batch_size or self.batch_size
        batch = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._apply(batch)
                batch = []
        if batch:
            yield from self._apply(batch)

    def _apply(self, docs):
        for doc, record in zip(docs, self._annotate(docs)):
            yield apply_record(doc, record, labels=self.labels)


@Language.factory(
    "verbatim",
    default_config={"binary": None, "url": None, "models": None, "labels": "ontonotes", "explain": False, "batch_size": 256},
)
def make_verbatim_component(nlp, name, binary, url, models, labels, explain, batch_size):
    """The factory behind ``nlp.add_pipe("verbatim", config={...})``."""
    return VerbatimComponent(name, binary=binary, url=url, models=models, labels=labels, explain=explain,
                             batch_size=batch_size)
