package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * A frozen copy of the plugin's title matching as it was before issue 18 ("today's BM25"), kept as the
 * baseline bench/title-eval compares the new matcher with. Not used by the plugin.
 *
 * <p>
 * The title documents of the index: one per occupation and distinct normalised title, so that a title
 * O*NET lists twice for an occupation (long and short form, say) does not count twice.
 */
final class LegacyTitleDocuments {

    private final TitleAnalyzer analyzer;
    private final Set<String> seen = new HashSet<>();
    private final List<Document> documents = new ArrayList<>();

    LegacyTitleDocuments(TitleAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Adds {@code title} of occupation {@code code} unless it normalises to nothing or was added before. */
    void add(String code, String title, String kind) {
        String normalised = LegacyTitleNormaliser.normalise(title);
        List<String> terms = analyzer.terms(normalised);
        if (terms.isEmpty() || !seen.add(code + "|" + String.join(" ", terms))) {
            return;
        }
        Document doc = new Document();
        doc.add(new StringField("code", code, Field.Store.YES));
        doc.add(new TextField("title", normalised, Field.Store.NO));
        doc.add(new StoredField("terms", String.join(" ", terms)));
        doc.add(new StoredField("shown", title));
        doc.add(new StoredField("kind", kind));
        documents.add(doc);
    }

    List<Document> documents() {
        return documents;
    }
}
