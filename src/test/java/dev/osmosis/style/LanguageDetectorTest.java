package dev.osmosis.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detector on descriptions as analytics engineers write them: short, technical, full of column names.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>outcome</th></tr>
 *   <tr><td>ten descriptions per language, 14 by words and 7 by script</td><td>that language</td></tr>
 *   <tr><td>Portuguese vs Spanish, Danish vs Norwegian (many shared words)</td><td>told apart by the words only one
 *       uses</td></tr>
 *   <tr><td>English with "e.g.", URLs, "Y3" ("y" is Spanish)</td><td>no stray vote</td></tr>
 *   <tr><td>fewer than 8 descriptions that show a language</td><td>nothing said</td></tr>
 *   <tr><td>half English, half Portuguese</td><td>nothing said</td></tr>
 *   <tr><td>one very long Portuguese doc block among English descriptions</td><td>English: one text, one vote</td></tr>
 * </table>
 */
class LanguageDetectorTest {
    static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("English", List.of("The unique identifier of the order.", "Date when the customer placed the order",
                    "Total amount of the invoice in euros", "Status of the payment, as reported by Stripe",
                    "Whether the account is active", "Number of items in the cart", "The email address of the user",
                    "Timestamp of the last update to this record", "Foreign key to the customers table",
                    "Name of the sales region")),
            Map.entry("Portuguese", List.of("Identificador único do pedido.", "Data em que o cliente fez o pedido",
                    "Valor total da fatura em reais", "Situação do pagamento, conforme informado pelo banco",
                    "Indica se a conta está ativa", "Quantidade de itens no carrinho", "Endereço de e-mail do usuário",
                    "Data e hora da última atualização do registro", "Chave estrangeira para a tabela de clientes",
                    "Nome da região de vendas", "Código do município segundo o IBGE", "Número de parcelas da compra")),
            Map.entry("Spanish", List.of("Identificador único del pedido.", "Fecha en la que el cliente hizo el pedido",
                    "Importe total de la factura en euros", "Estado del pago, según el banco",
                    "Indica si la cuenta está activa", "Cantidad de artículos en el carrito",
                    "Dirección de correo electrónico del usuario", "Fecha y hora de la última actualización",
                    "Clave foránea a la tabla de clientes", "Nombre de la región de ventas")),
            Map.entry("French", List.of("Identifiant unique de la commande.", "Date à laquelle le client a passé la commande",
                    "Montant total de la facture en euros", "Statut du paiement, selon la banque",
                    "Indique si le compte est actif", "Nombre d'articles dans le panier",
                    "Adresse e-mail de l'utilisateur", "Date et heure de la dernière mise à jour",
                    "Clé étrangère vers la table des clients", "Nom de la région de vente")),
            Map.entry("German", List.of("Eindeutige Kennung der Bestellung.", "Datum, an dem der Kunde die Bestellung aufgab",
                    "Gesamtbetrag der Rechnung in Euro", "Status der Zahlung, wie von der Bank gemeldet",
                    "Gibt an, ob das Konto aktiv ist", "Anzahl der Artikel im Warenkorb",
                    "E-Mail-Adresse des Benutzers", "Zeitpunkt der letzten Änderung des Datensatzes",
                    "Fremdschlüssel zur Kundentabelle", "Name der Verkaufsregion")),
            Map.entry("Italian", List.of("Identificativo univoco dell'ordine.", "Data in cui il cliente ha effettuato l'ordine",
                    "Importo totale della fattura in euro", "Stato del pagamento, come comunicato dalla banca",
                    "Indica se il conto è attivo", "Numero di articoli nel carrello", "Indirizzo email dell'utente",
                    "Data e ora dell'ultimo aggiornamento del record", "Chiave esterna verso la tabella dei clienti",
                    "Nome della regione di vendita")),
            Map.entry("Dutch", List.of("Unieke sleutel van de bestelling.", "Datum waarop de klant de bestelling plaatste",
                    "Totaalbedrag van de factuur in euro", "Status van de betaling, zoals gemeld door de bank",
                    "Geeft aan of het account actief is", "Aantal artikelen in het winkelmandje",
                    "Het e-mailadres van de gebruiker", "Tijdstip van de laatste wijziging van het record",
                    "Verwijzing naar de tabel met klanten", "Naam van de verkoopregio")),
            Map.entry("Polish", List.of("Unikalny identyfikator zamówienia.", "Data, w której klient złożył zamówienie",
                    "Łączna kwota faktury w złotych", "Status płatności zgłoszony przez bank",
                    "Czy konto jest aktywne", "Liczba pozycji w koszyku", "Adres e-mail użytkownika",
                    "Data i godzina ostatniej zmiany rekordu", "Klucz obcy do tabeli klientów",
                    "Nazwa regionu sprzedaży")),
            Map.entry("Swedish", List.of("Unikt id för ordern.", "Datum när kunden lade ordern",
                    "Fakturans totala belopp i kronor", "Status för betalningen som banken rapporterat",
                    "Anger om kontot är aktivt", "Antal artiklar i kundvagnen", "Användarens e-postadress och namn",
                    "Tidpunkt för den senaste ändringen av posten", "Främmande nyckel till tabellen med kunder",
                    "Namnet på försäljningsregionen")),
            Map.entry("Danish", List.of("Unikt id for ordren.", "Dato hvor kunden afgav ordren",
                    "Fakturaens samlede beløb i kroner", "Status for betalingen som rapporteret af banken",
                    "Angiver om kontoen er aktiv", "Antal varer i kurven", "Brugerens e-mailadresse",
                    "Tidspunkt for den seneste ændring af posten", "Fremmednøgle til tabellen med kunder",
                    "Navnet på salgsregionen, efter omlægningen", "Antal dage efter ordren blev afsendt")),
            Map.entry("Norwegian", List.of("Unik id for ordren.", "Dato da kunden la inn ordren",
                    "Fakturaens samlede beløp i kroner", "Status for betalingen som rapportert av banken",
                    "Angir om kontoen er aktiv", "Antall varer i handlekurven", "Brukerens e-postadresse",
                    "Tidspunkt for den siste endringen av posten", "Fremmednøkkel til tabellen med kunder",
                    "Navnet på salgsregionen, etter omleggingen", "Antall dager etter at ordren ble sendt")),
            Map.entry("Finnish", List.of("Tilauksen yksilöivä tunniste.", "Päivä, jolloin asiakas teki tilauksen",
                    "Laskun kokonaissumma euroina", "Maksun tila pankin mukaan", "Onko tili käytössä vai ei",
                    "Ostoskorin tuotteiden määrä", "Käyttäjän sähköpostiosoite ja nimi",
                    "Tietueen viimeisimmän muutoksen aika", "Viiteavain asiakastauluun, jos asiakas on tiedossa",
                    "Myyntialueen nimi, joka näkyy raporteissa")),
            Map.entry("Turkish", List.of("Siparişin benzersiz kimliği.", "Müşterinin siparişi verdiği tarih",
                    "Faturanın toplam tutarı", "Banka tarafından bildirilen ödeme durumu",
                    "Hesabın aktif olup olmadığı", "Sepetteki ürün sayısı", "Kullanıcının e-posta adresi",
                    "Kaydın son güncellenme zamanı", "Müşteri tablosuna ait yabancı anahtar",
                    "Satış bölgesinin adı")),
            Map.entry("Indonesian", List.of("Pengenal unik untuk pesanan.", "Tanggal ketika pelanggan membuat pesanan",
                    "Jumlah total dari faktur dalam rupiah", "Status pembayaran yang dilaporkan oleh bank",
                    "Menandakan apakah akun ini aktif", "Jumlah barang di keranjang", "Alamat email dari pengguna",
                    "Waktu pembaruan terakhir pada data ini", "Kunci asing ke tabel pelanggan",
                    "Nama wilayah penjualan yang digunakan")),
            Map.entry("Japanese", List.of("注文の一意な識別子", "顧客が注文した日付", "請求書の合計金額（円）",
                    "銀行から報告された支払いステータス", "アカウントが有効かどうか", "カート内の商品数",
                    "ユーザーのメールアドレス", "レコードの最終更新日時", "顧客テーブルへの外部キー", "販売地域の名前")),
            Map.entry("Chinese", List.of("订单的唯一标识", "客户下单的日期", "发票总金额（元）", "银行报告的付款状态",
                    "账户是否有效", "购物车中的商品数量", "用户的电子邮件地址", "记录的最后更新时间", "指向客户表的外键",
                    "销售区域名称")),
            Map.entry("Korean", List.of("주문의 고유 식별자", "고객이 주문한 날짜", "청구서 총액", "은행이 보고한 결제 상태",
                    "계정 활성 여부", "장바구니의 상품 수", "사용자 이메일 주소", "레코드의 마지막 수정 시각",
                    "고객 테이블의 외래 키", "판매 지역 이름")),
            Map.entry("Russian", List.of("Уникальный идентификатор заказа", "Дата, когда клиент сделал заказ",
                    "Общая сумма счёта в рублях", "Статус платежа по данным банка", "Активен ли аккаунт",
                    "Количество товаров в корзине", "Адрес электронной почты пользователя",
                    "Время последнего изменения записи", "Внешний ключ на таблицу клиентов", "Название региона продаж")),
            Map.entry("Greek", List.of("Μοναδικό αναγνωριστικό της παραγγελίας", "Ημερομηνία παραγγελίας του πελάτη",
                    "Συνολικό ποσό του τιμολογίου", "Κατάσταση πληρωμής", "Αν ο λογαριασμός είναι ενεργός",
                    "Αριθμός ειδών στο καλάθι", "Διεύθυνση email του χρήστη", "Χρόνος τελευταίας ενημέρωσης",
                    "Ξένο κλειδί προς τον πίνακα πελατών", "Όνομα της περιοχής πωλήσεων")),
            Map.entry("Arabic", List.of("المعرف الفريد للطلب", "تاريخ طلب العميل", "المبلغ الإجمالي للفاتورة",
                    "حالة الدفع كما أبلغ عنها البنك", "هل الحساب نشط", "عدد المنتجات في السلة",
                    "عنوان البريد الإلكتروني للمستخدم", "وقت آخر تحديث للسجل", "مفتاح خارجي لجدول العملاء",
                    "اسم منطقة المبيعات")),
            Map.entry("Hebrew", List.of("מזהה ייחודי של ההזמנה", "תאריך ההזמנה של הלקוח", "הסכום הכולל של החשבונית",
                    "סטטוס התשלום לפי הבנק", "האם החשבון פעיל", "מספר הפריטים בעגלה", "כתובת הדוא\"ל של המשתמש",
                    "זמן העדכון האחרון של הרשומה", "מפתח זר לטבלת הלקוחות", "שם אזור המכירות")));

    private static final Map<String, String> SIBLINGS = Map.of("Danish", "Norwegian", "Norwegian", "Danish");

    private final LanguageDetector detector = new LanguageDetector();

    static List<String> languages() {
        return SAMPLES.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void tellsEachLanguageFromTenShortDescriptions(String language) {
        LanguageDetector.Result r = detector.detect(SAMPLES.get(language));
        if (SIBLINGS.containsKey(language)) {
            // Danish and Norwegian share most words: ten short texts may not tell them apart, but never mix them up
            assertTrue(r.language() == null || r.language().equals(language), r.toString());
            assertFalse(r.votes().containsKey(SIBLINGS.get(language)), r.toString());
        } else {
            assertEquals(language, r.language(), r.toString());
        }
    }

    @Test
    void danishAndNorwegianAreToldApartWithMoreText() {
        for (String language : SIBLINGS.keySet()) {
            List<String> more = new ArrayList<>(SAMPLES.get(language));
            more.addAll(language.equals("Danish")
                    ? List.of("Beløb efter rabat", "Antal ordrer som brugeren har afgivet", "Hvor ordren blev sendt fra")
                    : List.of("Beløp etter rabatt", "Antall ordrer som brukeren har lagt inn", "Hvor ordren ble sendt fra"));
            assertEquals(language, detector.detect(more).language(), detector.detect(more).toString());
        }
    }

    @Test
    void aDescriptionHoldingAHugeTokenIsReadInBoundedTime() {
        // a pasted blob: the address regex backtracked over every start of the token (100,000 chars: minutes)
        String blob = "Identificador único do pedido " + "x".repeat(1_000_000) + " e.g. https://example.com/a";
        assertEquals("Portuguese", assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> detector.languageOf(blob)));
        assertEquals(List.of("o", "pedido", "de"), List.of(LanguageDetector
                .withoutNonWords("e.g. o pedido a@b.c x/y de etc.").strip().split("\\s+")));
    }

    @Test
    void theProfilesCoverTheLatinLanguagesTheTestsClaim() {
        List<String> latin = new ArrayList<>(languages());
        latin.removeAll(List.of("Japanese", "Chinese", "Korean", "Russian", "Greek", "Arabic", "Hebrew"));
        assertEquals(LanguageProfiles.languages(), new java.util.TreeSet<>(latin));
    }

    @Test
    void scriptsThatSeveralLanguagesShareAreToldApartByTheirOwnLetters() {
        assertEquals("Ukrainian", detector.languageOf("Унікальний ідентифікатор замовлення"));
        assertEquals("Russian", detector.languageOf("Уникальный идентификатор заказа"));
        assertEquals("Persian", detector.languageOf("شناسه یکتای سفارش مشتری که پرداخت کرده"));
        assertEquals("Urdu", detector.languageOf("گاہک کے آرڈر کی منفرد شناخت ہے"));
        assertEquals("Arabic", detector.languageOf("المعرف الفريد للطلب"));
        assertEquals("Japanese", detector.languageOf("顧客ID（ユーザー）"));
        assertEquals("Chinese", detector.languageOf("客户ID"));
    }

    @Test
    void tooFewDescriptionsSayNothing() {
        LanguageDetector.Result r = detector.detect(SAMPLES.get("Portuguese").subList(0, 5));
        assertNull(r.language(), r.toString());
        assertTrue(r.undecidedReason().startsWith("too little text"), r.undecidedReason());
    }

    @Test
    void aMixedProjectSaysNothing() {
        List<String> mixed = new ArrayList<>(SAMPLES.get("English"));
        mixed.addAll(SAMPLES.get("Portuguese"));
        LanguageDetector.Result r = detector.detect(mixed);
        assertNull(r.language(), r.toString());
        assertTrue(r.undecidedReason().startsWith("no clear majority"), r.undecidedReason());
    }

    @Test
    void oneLongTextWeighsAsOneDescription() {
        List<String> texts = new ArrayList<>(SAMPLES.get("English"));
        texts.add(String.join(" ", java.util.Collections.nCopies(50, String.join(" ", SAMPLES.get("Portuguese")))));
        assertEquals("English", detector.detect(texts).language());
    }

    @Test
    void englishAbbreviationsAndAddressesCastNoStrayVote() {
        for (String text : List.of("Screen height in pixels e.g. 1024", "A visit / session index e.g. 3",
                "Final weight (sums to sample size, all Y3 cases", "Data.com Key",
                "District codes, see https://geoportal.statistics.gov.uk/datasets/42af_0/explore",
                "Primary key", "", "{{ doc('orders') }}")) {
            String l = detector.languageOf(text);
            assertFalse(l != null && !l.equals("English"), text + " read as " + l);
        }
    }
}
