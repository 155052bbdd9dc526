package org.jobpricing.plugins.onetenricher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A frozen copy of the plugin's title matching as it was before issue 18 ("today's BM25"), kept as the
 * baseline bench/title-eval compares the new matcher with. Not used by the plugin.
 *
 * <p>
 * An in-memory Lucene index (BM25) of O*NET occupation titles, alternate titles and short titles, one
 * document per occupation and distinct normalised title, and of the occupation descriptions.
 */
final class LegacyTitleIndex {

    private static final int MAX_DESCRIPTION_TERMS = 300;

    private final IndexSearcher searcher;
    private final TitleAnalyzer titleAnalyzer;
    private final Analyzer descriptionAnalyzer;
    private final Map<String, String> occupationTitles;
    private final Map<String, Double> idf;
    private final double unseenIdf;

    private LegacyTitleIndex(
            IndexSearcher searcher,
            TitleAnalyzer titleAnalyzer,
            Analyzer descriptionAnalyzer,
            Map<String, String> occupationTitles,
            Map<String, Double> idf,
            double unseenIdf) {
        this.searcher = searcher;
        this.titleAnalyzer = titleAnalyzer;
        this.descriptionAnalyzer = descriptionAnalyzer;
        this.occupationTitles = occupationTitles;
        this.idf = idf;
        this.unseenIdf = unseenIdf;
    }

    /** An indexed title that matched a query: its occupation, stemmed terms, text as O*NET writes it, and kind. */
    record Hit(String code, Set<String> terms, String title, String kind, float bm25) {}

    /** Indexes the occupations and their alternate and short titles. */
    static LegacyTitleIndex build(OnetData data) {
        TitleAnalyzer titleAnalyzer = new TitleAnalyzer();
        Analyzer descriptionAnalyzer = new EnglishAnalyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        Analyzer perField = new PerFieldAnalyzerWrapper(titleAnalyzer, Map.of("description", descriptionAnalyzer));
        // One flush at close: the index (~15 MB of buffers) fits in RAM, so there is nothing to merge.
        IndexWriterConfig config = new IndexWriterConfig(perField)
                .setRAMBufferSizeMB(128)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            LegacyTitleDocuments documents = new LegacyTitleDocuments(titleAnalyzer);
            for (OnetData.Occupation occupation : data.occupations()) {
                documents.add(occupation.code(), occupation.title(), "occupation title");
                writer.addDocument(descriptionDocument(occupation));
            }
            for (OnetData.AlternateTitle alternate : data.alternateTitles()) {
                documents.add(alternate.code(), withoutParentheses(alternate.title()), "alternate title");
                if (alternate.shortTitle() != null) {
                    documents.add(alternate.code(), alternate.shortTitle(), "short title");
                } else if (alternate.title().contains("(")) {
                    documents.add(alternate.code(), alternate.title(), "alternate title");
                }
            }
            writer.addDocuments(documents.documents());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory title index", e);
        }
        Map<String, String> occupationTitles = new HashMap<>();
        data.occupations().forEach(o -> occupationTitles.put(o.code(), o.title()));
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            IndexReader reader = searcher.getIndexReader();
            int titleDocs = reader.getDocCount("title");
            return new LegacyTitleIndex(
                    searcher,
                    titleAnalyzer,
                    descriptionAnalyzer,
                    Map.copyOf(occupationTitles),
                    titleIdf(reader, titleDocs),
                    idf(1, titleDocs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory title index", e);
        }
    }

    /** The stemmed terms of a raw job title, after {@link LegacyTitleNormaliser}. */
    Set<String> queryTerms(String title) {
        return new LinkedHashSet<>(titleAnalyzer.terms(LegacyTitleNormaliser.normalise(title)));
    }

    /** The {@code n} titles sharing most with {@code terms} by BM25, best first. */
    List<Hit> search(Collection<String> terms, int n) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.forEach(term -> builder.add(new TermQuery(new Term("title", term)), Occur.SHOULD));
        List<Hit> hits = new ArrayList<>();
        try {
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(builder.build(), n).scoreDocs) {
                Document doc = stored.document(hit.doc);
                hits.add(new Hit(
                        doc.get("code"),
                        Set.copyOf(List.of(doc.get("terms").split(" "))),
                        doc.get("shown"),
                        doc.get("kind"),
                        hit.score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the in-memory title index", e);
        }
        return hits;
    }

    /**
     * The {@code n} occupations whose description is closest to {@code text} by BM25, each with its score
     * divided by the best score (so the best is 1).
     */
    Map<String, Double> describe(String text, int n) {
        Set<String> terms = new LinkedHashSet<>(TitleAnalyzer.terms(descriptionAnalyzer, "description", text));
        Map<String, Double> similarity = new HashMap<>();
        if (terms.isEmpty()) {
            return similarity;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.stream()
                .limit(MAX_DESCRIPTION_TERMS)
                .forEach(term -> builder.add(new TermQuery(new Term("description", term)), Occur.SHOULD));
        Query query = builder.build();
        try {
            ScoreDoc[] hits = searcher.search(query, n).scoreDocs;
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : hits) {
                similarity.put(stored.document(hit.doc).get("code"), (double) (hit.score / hits[0].score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the in-memory description index", e);
        }
        return similarity;
    }

    /** BM25's inverse document frequency of a title term; terms not in the index count as the rarest. */
    double idf(String term) {
        return idf.getOrDefault(term, unseenIdf);
    }

    /** The O*NET title of an occupation. */
    String occupationTitle(String code) {
        return occupationTitles.get(code);
    }

    private static Document descriptionDocument(OnetData.Occupation occupation) {
        Document doc = new Document();
        doc.add(new StringField("code", occupation.code(), Field.Store.YES));
        doc.add(new TextField("description", occupation.description(), Field.Store.NO));
        return doc;
    }

    /** "Nurse Anesthetist (CRNA)" without the part in parentheses; O*NET gives that part as the short title. */
    private static String withoutParentheses(String title) {
        return title.replaceAll("\\([^)]*\\)", " ").trim();
    }

    private static Map<String, Double> titleIdf(IndexReader reader, int docs) throws IOException {
        Map<String, Double> idf = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, "title");
        if (terms == null) {
            return idf;
        }
        TermsEnum iterator = terms.iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            idf.put(term.utf8ToString(), idf(iterator.docFreq(), docs));
        }
        return Map.copyOf(idf);
    }

    private static double idf(int docFreq, int docs) {
        return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
    }
}
