package dev.osmosis.style;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The function words of the Latin-script languages dbt projects are documented in: short, frequent words a
 * description of a column uses whatever its subject ("the id of the order", "o código do pedido"). A word several
 * languages share ("de", "a", "in") weighs 1/k in each of the k, so only the words that tell languages apart
 * decide; letters only some languages use (ã, ñ, ß, ł, ğ, ø) count as one word of theirs.
 */
final class LanguageProfiles {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("English", "the of and to a in is for on that by with this as be are from or an at which it"
                    + " was not each when if has have its will can into whether used been than their there who per"),
            Map.entry("Portuguese", "de a o que e do da em um uma para com não os as dos das no na nos nas por se"
                    + " ao é pelo pela mais cada seu sua ou quando foi são este esta entre até já também onde"),
            Map.entry("Spanish", "de la el en y que los las del se por un una con para es al lo no su sus como o"
                    + " más cada este esta si entre cuando fue ha son también donde según sin hasta"),
            Map.entry("French", "le la les de des du et un une est en pour dans par sur que qui au aux avec ne"
                    + " pas ce cette chaque ou sont été à l d il elle leur lors selon"),
            Map.entry("German", "der die das und ist von zu den mit für im in des dem ein eine einer eines nicht"
                    + " auf wird werden oder als auch bei aus wenn sind jede jeder nach über zum zur"),
            Map.entry("Italian", "di il la e che per un una del della dei delle in con è non al alla le gli lo"
                    + " da dal si sono come ogni nel nella o l anche quando"),
            Map.entry("Dutch", "de het een van en in is dat op te voor met die niet zijn wordt worden door naar"
                    + " bij aan ook als of om uit deze elke"),
            Map.entry("Polish", "i w z na do nie się to że jest dla o od po przez jak lub oraz czy ten ta tego"
                    + " który która które są ze we przy jako każdy"),
            Map.entry("Swedish", "och i att av är som för på med den det en ett till de inte från har kan eller"
                    + " om när vid efter alla också varje finns används"),
            Map.entry("Danish", "og i at af er til en det den som med for på de ikke der et fra har kan eller"
                    + " hvis hvor efter være skal alle også hver blev bliver"),
            Map.entry("Norwegian", "og i å av er til en det den som med for på de ikke der et fra har kan eller"
                    + " hvis hvor etter være skal alle også hver ble blir"),
            Map.entry("Finnish", "ja on tai ei se jos kun joka jonka sekä että mukaan tämä myös kaikki ovat oli"
                    + " olla kuin vain eli jossa joita sen ole"),
            Map.entry("Turkish", "ve bir bu için ile olan da de ya veya gibi her olarak daha çok kadar sonra ise"
                    + " değil ait göre tarafından"),
            Map.entry("Indonesian", "dan yang di ke dari untuk dengan ini itu pada adalah atau tidak dalam akan"
                    + " oleh sebagai setiap jika sudah telah bisa"));

    /**
     * The words data documentation uses in every language (identifier, key, date, number, name, value, customer,
     * order, table, amount...): descriptions of columns are often too short for a function word.
     */
    private static final Map<String, String> DATA_WORDS = Map.ofEntries(
            Map.entry("English", "unique identifier code number name value key date time customer order table record"
                    + " amount type address user"),
            Map.entry("Portuguese", "identificador único código número nome valor chave hora cliente pedido tabela"
                    + " registro quantidade situação endereço usuário"),
            Map.entry("Spanish", "identificador único código número nombre valor clave fecha hora cliente pedido"
                    + " tabla registro cantidad estado dirección usuario importe"),
            Map.entry("French", "identifiant unique code numéro nom valeur clé date heure commande table"
                    + " enregistrement nombre statut adresse utilisateur montant"),
            Map.entry("German", "eindeutige kennung nummer wert schlüssel datum zeit kunde bestellung tabelle"
                    + " datensatz anzahl adresse benutzer betrag"),
            Map.entry("Italian", "identificativo univoco codice numero nome valore chiave ora cliente ordine tabella"
                    + " record quantità stato indirizzo utente importo"),
            Map.entry("Dutch", "unieke sleutel nummer naam waarde datum tijd klant bestelling tabel aantal adres"
                    + " gebruiker bedrag"),
            Map.entry("Polish", "identyfikator unikalny kod numer nazwa wartość klucz czas klient zamówienie tabela"
                    + " rekord liczba adres użytkownik kwota"),
            Map.entry("Swedish", "unikt nummer namn värde nyckel datum tid kund order tabell antal adress användare"
                    + " belopp"),
            Map.entry("Danish", "unikt nummer navn værdi nøgle dato tid kunde ordre tabel antal adresse bruger beløb"),
            Map.entry("Norwegian", "unik nummer navn verdi nøkkel dato tid kunde ordre tabell antall adresse bruker"
                    + " beløp"),
            Map.entry("Finnish", "tunniste yksilöivä numero nimi arvo avain päivämäärä aika asiakas tilaus taulu"
                    + " tietue määrä osoite käyttäjä summa"),
            Map.entry("Turkish", "kimlik benzersiz kod numara değer anahtar tarih zaman müşteri sipariş tablo kayıt"
                    + " sayı adres kullanıcı tutar"),
            Map.entry("Indonesian", "pengenal unik kode nomor nama nilai kunci tanggal waktu pelanggan pesanan tabel"
                    + " jumlah alamat pengguna"));

    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("Portuguese", "ãõ"),
            Map.entry("Spanish", "ñ¿¡"),
            Map.entry("German", "ß"),
            Map.entry("Polish", "łąęśźżńć"),
            Map.entry("Turkish", "ğşı"),
            Map.entry("Danish", "øæ"),
            Map.entry("Norwegian", "øæ"));

    /** Word (lower case) to the languages that use it, each with its weight 1/k. */
    private final Map<String, Map<String, Double>> words;
    private final Map<Integer, Map<String, Double>> letters;

    static final LanguageProfiles DEFAULT = new LanguageProfiles();

    private LanguageProfiles() {
        Map<String, String> all = new HashMap<>(WORDS);
        DATA_WORDS.forEach((language, list) -> all.merge(language, list, (a, b) -> a + " " + b));
        words = weighted(split(all));
        Map<String, List<String>> byLetter = new HashMap<>();
        LETTERS.forEach((language, chars) -> chars.codePoints().forEach(cp ->
                byLetter.computeIfAbsent(String.valueOf(cp), k -> new java.util.ArrayList<>()).add(language)));
        Map<Integer, Map<String, Double>> l = new HashMap<>();
        weighted(byLetter).forEach((cp, w) -> l.put(Integer.parseInt(cp), w));
        letters = Collections.unmodifiableMap(l);
    }

    private static Map<String, List<String>> split(Map<String, String> lists) {
        Map<String, List<String>> byWord = new HashMap<>();
        lists.forEach((language, list) -> java.util.Arrays.stream(list.split(" ")).distinct().forEach(w ->
                byWord.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(language)));
        return byWord;
    }

    private static Map<String, Map<String, Double>> weighted(Map<String, List<String>> byKey) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        byKey.forEach((key, languages) -> {
            Map<String, Double> w = new TreeMap<>();
            languages.forEach(language -> w.put(language, 1.0 / languages.size()));
            out.put(key, Collections.unmodifiableMap(w));
        });
        return Collections.unmodifiableMap(out);
    }

    /** The languages a lower-case word counts for, with weights; empty for any other word. */
    Map<String, Double> word(String lowerCase) {
        return words.getOrDefault(lowerCase, Map.of());
    }

    /** The languages a lower-case letter is a sign of; empty for letters many languages share. */
    Map<String, Double> letter(int codePoint) {
        return letters.getOrDefault(codePoint, Map.of());
    }

    /** Every language a profile knows, for tests and documentation. */
    static Set<String> languages() {
        return new java.util.TreeSet<>(WORDS.keySet());
    }
}
