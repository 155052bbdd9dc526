package org.jobpricing.plugins.onetenricher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits a normalised title (see {@link TitleNormaliser}) on spaces and stems each word, so that
 * "developers", "development" and "developer" meet.
 */
final class TitleAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(tokenizer));
    }

    /** The stemmed terms of a normalised title, in order. */
    List<String> terms(String normalisedTitle) {
        return terms(this, "title", normalisedTitle);
    }

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse an in-memory string", e);
        }
        return terms;
    }
}
