/**
 * The whole pipeline for one article, as the CLI and the background run it:
 * document → main text + metadata → detection → engagement extraction → a plain JSON report.
 */
import { readArticle } from './article';
import { createDetector, type Detector } from './detect';
import { extractEngagements, extractFigures } from './extract';
import type { ArticleMeta, Detection, EngagementDraft, Figure } from './types';

/** What `npm run analyze` prints for one file: stable field names, empty arrays when nothing is found. */
export interface AnalysisJson {
  title: string | null;
  published: string | null;
  outlet: string | null;
  people: { name: string; role: string | null; country: string | null }[];
  countries: { code: string; name: string }[];
  topics: { id: string; label: string }[];
  engagements: { kind: string; participants: string[]; place: string | null; date: string | null; topics: string[] }[];
  figures: { text: string }[];
}

export interface Analysis {
  meta: ArticleMeta;
  text: string;
  detection: Detection;
  engagements: EngagementDraft[];
  figures: Figure[];
}

/** Runs detection and extraction over article text whose metadata is already known. */
export function analyzeText(text: string, meta: ArticleMeta, detector: Detector = createDetector()): Analysis {
  const detection = detector.detect(text, { date: meta.published });
  const engagements = meta.isArticle || detection.officials.length > 0 ? extractEngagements(text, detection, meta) : [];
  return { meta, text, detection, engagements, figures: extractFigures(text) };
}

/** Runs the whole pipeline over a parsed page. */
export function analyzeDocument(doc: Document, url?: string, detector?: Detector): Analysis {
  const { meta, text } = readArticle(doc, url);
  return analyzeText(text, meta, detector);
}

export function toJson(a: Analysis): AnalysisJson {
  return {
    title: a.meta.title,
    published: a.meta.published,
    outlet: a.meta.outlet,
    people: a.detection.officials.map((o) => ({ name: o.name, role: o.role, country: o.country })),
    countries: a.detection.countries.map((c) => ({ code: c.code, name: c.name })),
    topics: a.detection.topics.map((t) => ({ id: t.id, label: t.label })),
    engagements: a.engagements.map((e) => ({
      kind: e.kind,
      participants: e.participants.map((p) => p.name),
      place: e.place,
      date: e.date,
      topics: [...e.topics],
    })),
    figures: a.figures.map((f) => ({ text: f.text })),
  };
}
