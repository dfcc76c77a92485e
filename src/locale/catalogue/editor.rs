//! The editor's words (`tablica edit`, "Redakcja"): its screens, buttons and refusals.

catalogue! {
    /// The editor's screens.
    Editor {
        AppName: "Redakcja – the site editor", "Redakcja – edytor strony";
        SkipToContent: "Skip to content", "Przejdź do treści";
        Menu: "Editor menu", "Menu redakcji";
        AllDocuments: "Posts, projects and pages", "Wpisy, projekty i strony";
        NewDocument: "New post or page", "Nowy wpis lub strona";
        Bin: "Bin", "Kosz";
        SitePreview: "Site preview", "Podgląd strony";
        LogIn: "Log in", "Zaloguj się";
        LogOut: "Log out", "Wyloguj się";
        LoginExplain: "Open the one-time link printed in the terminal where tablica runs, or enter the password.",
            "Otwórz jednorazowy link wypisany w terminalu, w którym działa tablica, albo wpisz hasło.";
        Password: "Password", "Hasło";
        LoginWrong: "The link or password is wrong or was already used. Check it and try again.",
            "Link lub hasło jest nieprawidłowe albo zostało już użyte. Sprawdź je i spróbuj ponownie.";
        LoginTooMany: "Too many failed attempts. Wait a minute and try again.",
            "Zbyt wiele nieudanych prób. Poczekaj minutę i spróbuj ponownie.";
        Refused: "This could not be done", "Nie udało się tego zrobić";
        OtherOrigin: "The request did not come from the editor's own page. Open the editor again and repeat what you did.",
            "Żądanie nie przyszło ze strony redakcji. Otwórz redakcję ponownie i powtórz, co robiłeś.";
        NoSession: "Your session has ended. Log in again; your changes are kept in this browser.",
            "Twoja sesja się skończyła. Zaloguj się ponownie; zmiany są zachowane w tej przeglądarce.";
        BadCsrf: "The form is out of date (the editor was restarted or you logged in again). Go back, reload the page and save again.",
            "Formularz jest nieaktualny (redakcję uruchomiono ponownie albo zalogowano się od nowa). Wróć, odśwież stronę i zapisz jeszcze raz.";
        NotFound: "There is no such page in the editor", "Nie ma takiej strony w redakcji";
        BackToList: "Back to the list", "Wróć do listy";
        BackToDocument: "Back to the document", "Wróć do dokumentu";
        BadPath: "This is not a document of the site (posts, projects or pages in content/).",
            "To nie jest dokument strony (wpisy, projekty lub strony w content/).";
        Link: "A folder on the way ({path}) is a symbolic link, and the editor never reads or writes through one (it could lead outside the site). Replace the link with an ordinary folder, then try again.",
            "Folder po drodze ({path}) jest dowiązaniem symbolicznym, a redakcja nigdy nie czyta ani nie zapisuje przez dowiązania (mogłoby prowadzić poza stronę). Zastąp dowiązanie zwykłym folderem i spróbuj ponownie.";
        Missing: "The file does not exist (any more). It may have been moved to the bin.",
            "Plik nie istnieje (już). Mógł zostać przeniesiony do kosza.";
        Exists: "A file of that name exists already; nothing was replaced.", "Plik o tej nazwie już istnieje; niczego nie zastąpiono.";
        CannotWrite: "The file could not be read or written", "Nie udało się odczytać lub zapisać pliku";
        ThereIsAProblem: "There is a problem", "Jest problem";
        Error: "Error", "Błąd";
        Warnings: "To check (the post will still be published)", "Do sprawdzenia (wpis i tak zostanie opublikowany)";
        File: "File:", "Plik:";
        Text: "Text", "Treść";
        TextHint: "Markdown: ## for a heading, **bold**, - for a list, [text](address) for a link. Ctrl+B bolds, Ctrl+K adds a link.",
            "Markdown: ## nagłówek, **pogrubienie**, - lista, [tekst](adres) link. Ctrl+B pogrubia, Ctrl+K dodaje link.";
        Save: "Save", "Zapisz";
        Saved: "Saved. The preview of the site is being updated.", "Zapisano. Podgląd strony się odświeża.";
        Preview: "Preview", "Podgląd";
        MoreActions: "More", "Więcej";
        ViewOnSite: "See it on the site (as last saved)", "Zobacz na stronie (ostatnio zapisaną wersję)";
        NoPageYet: "The site has no page for this text yet: the build cannot take it as it is saved. Correct these problems in the form and save it.",
            "Ten tekst nie ma jeszcze strony: w zapisanej postaci program nie może go zbudować. Popraw w formularzu te błędy i zapisz go.";
        History: "Earlier versions", "Wcześniejsze wersje";
        Duplicate: "Duplicate as a new draft", "Powiel jako nowy szkic";
        Delete: "Move to the bin", "Przenieś do kosza";
        Copy: "copy", "kopia";
        MovedToBin: "Moved to the bin. You can restore it from the bin.", "Przeniesiono do kosza. Możesz go przywrócić z kosza.";
        Restored: "Restored.", "Przywrócono.";
        Restore: "Restore", "Przywróć";
        BinExplain: "Deleted posts and pages wait here until you restore them. Nothing is removed for good from the editor.",
            "Usunięte wpisy i strony czekają tu, aż je przywrócisz. Z redakcji nic nie jest usuwane na zawsze.";
        BinEmpty: "The bin is empty.", "Kosz jest pusty.";
        NoHistory: "There are no earlier versions yet: each save keeps the version before it.",
            "Nie ma jeszcze wcześniejszych wersji: każdy zapis zachowuje poprzednią.";
        VersionOf: "Version saved before", "Wersja sprzed zapisu";
        ConflictTitle: "The file was changed by someone else", "Plik zmienił ktoś inny";
        ConflictExplain: "Since you opened it, the file was changed on the disk (by a colleague, another tab or a program). Nothing was saved. Compare the two versions and choose.",
            "Od chwili otwarcia plik został zmieniony na dysku (przez współpracownika, inną kartę lub program). Niczego nie zapisano. Porównaj obie wersje i wybierz.";
        MyVersion: "Your version (not saved)", "Twoja wersja (niezapisana)";
        DiskVersion: "The version on the disk now", "Wersja, która jest teraz na dysku";
        WhatNow: "What do you want to do?", "Co chcesz zrobić?";
        KeepMine: "Save my version (the other one is kept in the earlier versions)", "Zapisz moją wersję (tamta trafi do wcześniejszych wersji)";
        TakeTheirs: "Open the version on the disk (copy your changes first: they will not be kept)",
            "Otwórz wersję z dysku (najpierw skopiuj swoje zmiany: nie zostaną zachowane)";
        Search: "Search titles", "Szukaj w tytułach";
        Kind: "Kind", "Rodzaj";
        State: "Status", "Stan";
        Project: "Project", "Projekt";
        Tag: "Tag", "Tag (słowo kluczowe)";
        Year: "Year", "Rok";
        Order: "Order", "Kolejność";
        NewestFirst: "newest first", "od najnowszych";
        OldestFirst: "oldest first", "od najstarszych";
        All: "all", "wszystkie";
        Filter: "Show", "Pokaż";
        Found: "{n|document|documents}", "{n|dokument|dokumenty|dokumentów}";
        TitleColumn: "Title", "Tytuł";
        DateColumn: "Date", "Data";
        Post: "post", "wpis";
        Posts: "posts", "wpisy";
        ProjectKind: "project", "projekt";
        Page: "page", "strona";
        Pages: "pages", "strony";
        Projects: "projects", "projekty";
        StateDraft: "draft", "szkic";
        StateScheduled: "scheduled", "zaplanowany";
        StatePublished: "published", "opublikowany";
        Broken: "(has errors)", "(ma błędy)";
        NoneChosen: "none", "brak";
        SitesLanguage: "the site's language", "język strony";
        LanguagePl: "Polish (pl)", "polski (pl)";
        LanguageUk: "Ukrainian (uk)", "ukraiński (uk)";
        LanguageEn: "English (en)", "angielski (en)";
        NotANumber: "Enter a whole number, e.g. 45", "Wpisz liczbę całkowitą, np. 45";
        NoProblemsNow: "The form has no errors now", "Formularz nie ma teraz błędów";
        ProblemsNow: "Errors in the form: {n}", "Błędy w formularzu: {n}";
        RowNumber: "Row {n}", "Wiersz {n}";
        RowsHint: "To remove a row, empty its boxes. The last row is empty for a new one; more appear after saving, or with the button below.", "Aby usunąć wiersz, wyczyść jego pola. Ostatni wiersz jest pusty, na nowy; kolejne pojawią się po zapisaniu albo po naciśnięciu przycisku niżej.";
        AddRow: "Add a row", "Dodaj wiersz";
        RowHalfFilled: "Fill in this box too, or empty the whole row to remove it", "Wypełnij też to pole albo wyczyść cały wiersz, aby go usunąć";
        NotAnAmount: "Enter a sum of money in figures, e.g. 250 000,00", "Wpisz kwotę cyframi, np. 250 000,00";
        NotYaml: "This is not valid YAML: write `key: value` lines, indented with spaces",
            "To nie jest poprawny YAML: pisz wiersze `klucz: wartość`, wcięte spacjami";
        Template: "Template", "Szablon";
        TemplateHint: "What kind of text you are writing; you can change everything afterwards",
            "Jaki tekst piszesz; wszystko można potem zmienić";
        TemplateInvitation: "Invitation to an event", "Zaproszenie na wydarzenie";
        TemplateRecruitment: "Recruitment", "Rekrutacja";
        TemplateSummary: "Project summary", "Podsumowanie projektu";
        TemplateAnnouncement: "Announcement", "Ogłoszenie";
        TemplateProject: "Project page", "Strona projektu";
        TemplatePage: "Page", "Strona";
        SiteTemplate: "the site's template", "szablon strony";
        ChooseTemplate: "Choose a template", "Wybierz szablon";
        TitleNeeded: "Enter a title", "Wpisz tytuł";
        Create: "Create a draft", "Utwórz szkic";
        ServingEditor: "The editor: {url}", "Redakcja: {url}";
        LoginLink: "To log in from another device, open (once): {url}", "Aby zalogować się z innego urządzenia, otwórz (jednorazowo): {url}";
        OpenToNetwork: "the editor is open to the network at {bind}: only people with the one-time link or the password can log in",
            "redakcja jest otwarta w sieci pod {bind}: zalogować się mogą tylko osoby z jednorazowym linkiem lub hasłem";
        NeedsScript: "Adding files needs JavaScript in the browser. Without it, copy the file into the post's folder and name it in the form.",
            "Dodawanie plików wymaga JavaScriptu w przeglądarce. Bez niego skopiuj plik do folderu wpisu i wpisz jego nazwę w formularzu.";
        UploadSaveFirst: "The document changed since the page was opened: save or reload it, then add the file again.",
            "Dokument zmienił się od otwarcia strony: zapisz go lub odśwież stronę, potem dodaj plik ponownie.";
        BundleExists: "A folder of this post's name exists already; move the post into it by hand (as index.md).",
            "Folder o nazwie tego wpisu już istnieje; przenieś wpis do niego ręcznie (jako index.md).";
        BadFileName: "The file name must be a plain name, without folders or `..`", "Nazwa pliku musi być zwykłą nazwą, bez folderów i `..`";
        NotAPhoto: "This file is not a photo (JPEG, PNG, WebP or GIF), whatever its name says", "Ten plik nie jest zdjęciem (JPEG, PNG, WebP ani GIF), niezależnie od nazwy";
        GalleryIsAFolder: "The gallery is a whole folder: copy the photo into that folder", "Galeria to cały folder: skopiuj zdjęcie do tego folderu";
        NotADocumentKind: "Add PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, DOC, XLS, PPT or RTF documents", "Dodawaj dokumenty PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, DOC, XLS, PPT lub RTF";
        NotWhatItSays: "The file's content is not what its name says: choose the right file", "Zawartość pliku nie odpowiada jego nazwie: wybierz właściwy plik";
        AddPhoto: "Add a photo", "Dodaj zdjęcie";
        PhotoFile: "Photo", "Zdjęcie";
        PhotoFileHint: "From the computer (or drag them here) or the phone's camera; the first one becomes the cover, the next ones the gallery. Save your changes first. With several photos chosen at once, the description below is left empty: describe each one in the list of photos, then save.",
            "Z komputera (albo przeciągnij je tutaj) lub z aparatu telefonu; pierwsze zostaje okładką, kolejne trafiają do galerii. Najpierw zapisz zmiany. Gdy wybierzesz kilka zdjęć naraz, opis poniżej zostaje pusty: opisz każde na liście zdjęć i zapisz.";
        UploadSending: "Sending {n} of {total}: {file}…", "Wysyłanie {n} z {total}: {file}…";
        UploadAddedOne: "{file}: added", "{file}: dodano";
        UploadDone: "Photos added: {added} of {total}.", "Dodano zdjęć: {added} z {total}.";
        PhotosAdded: "The photos were added. Describe each one in the list of photos (the post cannot be saved until each has its description), then save.",
            "Dodano zdjęcia. Opisz każde na liście zdjęć (wpisu nie można zapisać, dopóki każde nie ma opisu), a potem zapisz.";
        Alt: "Description of the photo (alt text)", "Opis zdjęcia (tekst alternatywny)";
        AltHint: "What the photo shows, for people who cannot see it, e.g. Seniorzy przy wspólnym stole", "Co widać na zdjęciu, dla osób, które go nie widzą, np. Seniorzy przy wspólnym stole";
        Caption: "Caption (optional)", "Podpis (nieobowiązkowy)";
        People: "People can be recognised in the photo", "Na zdjęciu można rozpoznać osoby";
        Consent: "Their consent to publication is recorded", "Mamy ich zgodę na publikację";
        Child: "A child is in the photo", "Na zdjęciu jest dziecko";
        GuardianConsent: "A parent's or guardian's consent is recorded", "Mamy zgodę rodzica lub opiekuna";
        Photos: "Photos", "Zdjęcia";
        PhotosExplain: "The first is the cover, shown in lists and when the post is shared; the others form the gallery, in this order. The buttons save at once; the descriptions are saved with the form's Save button.",
            "Pierwsze to okładka, pokazywana na listach i przy udostępnianiu; pozostałe tworzą galerię, w tej kolejności. Przyciski zapisują od razu; opisy zapisuje przycisk Zapisz formularza.";
        NoPhotos: "No photos yet. Add the first one below: it becomes the cover.", "Nie ma jeszcze zdjęć. Dodaj pierwsze poniżej: zostanie okładką.";
        CoverMark: "Cover", "Okładka";
        MoveUp: "Up", "W górę";
        MoveDown: "Down", "W dół";
        MakeCover: "Make it the cover", "Ustaw jako okładkę";
        RemovePhoto: "Remove", "Usuń";
        NoAlt: "(no description)", "(bez opisu)";
        PhotosChanged: "The photos were saved in their new order.", "Zapisano nowy układ zdjęć.";
        PhotoRemoved: "The photo was moved to the bin, from where it can be restored; the post's previous version is in its history.",
            "Zdjęcie przeniesiono do kosza, skąd można je przywrócić; poprzednia wersja wpisu jest w jego historii.";
        PhotoNotThere: "This photo is no longer in the post. Reload the page.", "Tego zdjęcia nie ma już we wpisie. Odśwież stronę.";
        AddDocument: "Add a document", "Dodaj dokument";
        DocumentLinked: "Link inserted where the cursor was; the page will show it as: {text}. Save the text to keep it.",
            "Wstawiono link w miejscu kursora; strona pokaże go jako: {text}. Zapisz tekst, aby go zachować.";
        DocumentFile: "Document", "Dokument";
        DocumentHint: "PDF, DOCX, ODT…; a link to it is inserted in the text where the cursor is", "PDF, DOCX, ODT…; link do niego zostanie wstawiony w tekście w miejscu kursora";
        LinkText: "Link text", "Tekst linku";
        LinkTextHint: "Say what the document is, e.g. Regulamin rekrutacji", "Napisz, czym jest dokument, np. Regulamin rekrutacji";
        Upload: "Add", "Dodaj";
        Consents: "Who is in the photo", "Kto jest na zdjęciu";
        DateDoesNotExist: "There is no such day in the calendar (e.g. 31 February): check the day and the month",
            "Nie ma takiego dnia w kalendarzu (np. 31 lutego): sprawdź dzień i miesiąc";
        FileTooLarge: "The file is too large: at most {max} MB can be added. Make the photo smaller (a phone's \"large\" size is enough) or send a smaller file.",
            "Plik jest za duży: można dodać najwyżej {max} MB. Zmniejsz zdjęcie (wystarczy rozmiar „duży” z telefonu) albo wyślij mniejszy plik.";
        SaveFirst: "Save your changes first, then add the file.", "Najpierw zapisz zmiany, potem dodaj plik.";
        Publish: "Publish", "Opublikuj";
        PublishExplain: "Builds the site from the saved texts (drafts and scheduled ones stay hidden) and sends it to the server set in site.yaml. It takes a moment.",
            "Buduje stronę z zapisanych tekstów (szkice i zaplanowane pozostają ukryte) i wysyła ją na serwer wskazany w site.yaml. To chwilę potrwa.";
        PublishBusy: "Publishing was already running: this is how far it has got.", "Publikowanie już trwało: tak daleko doszło.";
        PublishNone: "Nothing has been published since the editor was started.", "Od uruchomienia redakcji niczego nie publikowano.";
        PublishBuilding: "Step 1 of 2: building the site…", "Krok 1 z 2: budowanie strony…";
        PublishSending: "Step 2 of 2: the site is built ({files} files); sending it to the server…", "Krok 2 z 2: strona zbudowana (plików: {files}); wysyłanie na serwer…";
        PublishBuiltCounts: "Built: {posts} posts, {pages} projects and pages, {files} files.", "Zbudowano: wpisy – {posts}, projekty i strony – {pages}, pliki – {files}.";
        PublishRefreshes: "This page updates itself until it is done; you can also leave it, publishing goes on.", "Ta strona sama się odświeża do końca; możesz też ją opuścić, publikowanie trwa dalej.";
        PublishRefresh: "Refresh now", "Odśwież teraz";
        PublishBuildFailed: "The site was not built, so nothing was published. Fix the problems below (open the texts they name) and publish again.",
            "Strona nie została zbudowana, więc niczego nie opublikowano. Popraw problemy wymienione niżej (otwórz wskazane teksty) i opublikuj ponownie.";
        PublishBuiltOnly: "The site is built in the public/ folder. No server is set for publishing (deploy: in site.yaml): copy public/ to the server, or ask your IT person to set it up.",
            "Strona jest zbudowana w folderze public/. Nie wskazano serwera do publikowania (deploy: w site.yaml): skopiuj public/ na serwer albo poproś informatyka o ustawienie.";
        Published: "Published. The site on the server is up to date.", "Opublikowano. Strona na serwerze jest aktualna.";
        PublishDeployFailed: "The site was built, but sending it to the server failed; the site on the server is as it was. Details below; try again or ask your IT person.",
            "Strona została zbudowana, ale wysłanie jej na serwer się nie udało; strona na serwerze jest taka jak wcześniej. Szczegóły niżej; spróbuj ponownie albo poproś informatyka.";
    }
}
