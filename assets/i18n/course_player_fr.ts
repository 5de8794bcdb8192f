<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AddCourseDialog</name>
        <message>
            <source>Add a course</source>
            <translation>Ajouter un cours</translation>
        </message>
        <message>
            <source>From a file or USB stick</source>
            <translation>Depuis un fichier ou une clé USB</translation>
        </message>
        <message>
            <source>From a web address</source>
            <translation>Depuis une adresse web</translation>
        </message>
        <message>
            <source>&amp;Choose a file…</source>
            <translation>&amp;Choisir un fichier…</translation>
        </message>
        <message>
            <source>Paste the address a trainer gave you. You will see the size before anything is downloaded; an interrupted download continues where it stopped.</source>
            <translation>Collez l’adresse donnée par votre formateur. Vous verrez la taille avant tout téléchargement ; un téléchargement interrompu reprend là où il s’est arrêté.</translation>
        </message>
        <message>
            <source>&amp;Web address:</source>
            <translation>Adresse &amp;web :</translation>
        </message>
        <message>
            <source>Web address of the course</source>
            <translation>Adresse web du cours</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Vérifier</translation>
        </message>
        <message>
            <source>Course:</source>
            <translation>Cours :</translation>
        </message>
        <message>
            <source>&amp;Video quality:</source>
            <translation>&amp;Qualité vidéo :</translation>
        </message>
        <message>
            <source>Download:</source>
            <translation>Téléchargement :</translation>
        </message>
        <message>
            <source>Cancel download</source>
            <translation>Annuler le téléchargement</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Reprendre</translation>
        </message>
        <message>
            <source>&amp;Update</source>
            <translation>Mettre à &amp;jour</translation>
        </message>
        <message>
            <source>&amp;Install</source>
            <translation>&amp;Installer</translation>
        </message>
        <message>
            <source>Everything in the package</source>
            <translation>Tout le contenu du paquet</translation>
        </message>
        <message>
            <source>Good (480p)</source>
            <translation>Bonne (480p)</translation>
        </message>
        <message>
            <source>Medium (360p)</source>
            <translation>Moyenne (360p)</translation>
        </message>
        <message>
            <source>Light (240p)</source>
            <translation>Légère (240p)</translation>
        </message>
        <message>
            <source>Lightest video</source>
            <translation>Vidéo la plus légère</translation>
        </message>
        <message>
            <source>Sound only</source>
            <translation>Son seulement</translation>
        </message>
        <message>
            <source>Choose a course package</source>
            <translation>Choisir un paquet de cours</translation>
        </message>
        <message>
            <source>Course packages (*.zip course.json);;All files (*)</source>
            <translation>Paquets de cours (*.zip course.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Reading the course…</source>
            <translation>Lecture du cours…</translation>
        </message>
        <message>
            <source>%1, version %2</source>
            <translation>%1, version %2</translation>
        </message>
        <message>
            <source>already installed: version %1</source>
            <translation>déjà installé : version %1</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>%1 to copy or download; %2 free on this computer.</source>
            <translation>%1 à copier ou télécharger ; %2 libres sur cet ordinateur.</translation>
        </message>
        <message>
            <source>Not enough free space.</source>
            <translation>Espace libre insuffisant.</translation>
        </message>
        <message>
            <source>This version is already installed; nothing to copy.</source>
            <translation>Cette version est déjà installée ; rien à copier.</translation>
        </message>
        <message>
            <source>Installing…</source>
            <translation>Installation…</translation>
        </message>
        <message>
            <source>The course is installed. You can open it from the library.</source>
            <translation>Le cours est installé. Vous pouvez l’ouvrir depuis la bibliothèque.</translation>
        </message>
        <message>
            <source>Cancelled. What was downloaded is kept: press Resume to continue.</source>
            <translation>Annulé. Ce qui a été téléchargé est conservé : appuyez sur Reprendre pour continuer.</translation>
        </message>
        <message>
            <source>Or choose a course package yourself: a .zip file, or the course.json of a course folder. No network is needed.</source>
            <translation>Ou choisissez vous-même un paquet de cours : un fichier .zip, ou le course.json d’un dossier de cours. Aucun réseau n’est nécessaire.</translation>
        </message>
        <message>
            <source>The publisher's key changed: confirm or cancel.</source>
            <translation>La clé de l’éditeur a changé : confirmez ou annulez.</translation>
        </message>
        <message>
            <source>The publisher's key changed</source>
            <translation>La clé de l’éditeur a changé</translation>
        </message>
        <message>
            <source>“%1” was signed with another key when it was installed here. Accept the new key only if the publisher told you it changed its key: otherwise this copy may have been altered.</source>
            <translation>« %1 » était signé avec une autre clé quand il a été installé ici. N’acceptez la nouvelle clé que si l’éditeur vous a dit qu’il en a changé : sinon, cette copie a peut-être été modifiée.</translation>
        </message>
        <message>
            <source>&amp;Keep the old key</source>
            <translation>&amp;Garder l’ancienne clé</translation>
        </message>
        <message>
            <source>It was signed until now by an unknown key (%1); a key you trust took it over.</source>
            <translation>Il était jusqu’ici signé par une clé inconnue (%1) ; une clé de confiance l’a repris.</translation>
        </message>
        <message>
            <source>Key used until now:
%1 (%3)

Key of this package:
%2 (%4)</source>
            <translation>Clé utilisée jusqu’ici :
%1 (%3)

Clé de ce paquet :
%2 (%4)</translation>
        </message>
        <message>
            <source>&amp;Accept the new key</source>
            <translation>&amp;Accepter la nouvelle clé</translation>
        </message>
        <message>
            <source>Not installed: the key used until now is kept.</source>
            <translation>Rien n’a été installé : la clé utilisée jusqu’ici est conservée.</translation>
        </message>
        <message>
            <source>Courses available on the network</source>
            <translation>Cours disponibles sur le réseau</translation>
        </message>
    </context>
    <context>
        <name>CourseListModel</name>
        <message>
            <source>%1 · version %2 · %3</source>
            <translation>%1 · version %2 · %3</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuer</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Commencer</translation>
        </message>
        <message>
            <source>%1 lessons of %2</source>
            <translation>%1 leçons sur %2</translation>
        </message>
        <message>
            <source>More actions</source>
            <translation>Autres actions</translation>
        </message>
        <message>
            <source>Press Enter to continue this course, or the Menu key to copy it to a USB stick or remove it.</source>
            <translation>Appuyez sur Entrée pour continuer ce cours, ou sur la touche Menu pour le copier sur une clé USB ou le retirer.</translation>
        </message>
        <message>
            <source>Press Enter to start this course, or the Menu key to copy it to a USB stick or remove it.</source>
            <translation>Appuyez sur Entrée pour commencer ce cours, ou sur la touche Menu pour le copier sur une clé USB ou le retirer.</translation>
        </message>
    </context>
    <context>
        <name>DashboardDialog</name>
        <message>
            <source>Trainer dashboard</source>
            <translation>Tableau de bord du formateur</translation>
        </message>
        <message>
            <source>Trainer PIN</source>
            <translation>Code PIN du formateur</translation>
        </message>
        <message>
            <source>&amp;Open the dashboard</source>
            <translation>&amp;Ouvrir le tableau de bord</translation>
        </message>
        <message>
            <source>Workshop progress</source>
            <translation>Progression de l’atelier</translation>
        </message>
        <message>
            <source>&amp;Course:</source>
            <translation>&amp;Cours :</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Apprenant</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Lessons</source>
            <translation>Leçons</translation>
        </message>
        <message>
            <source>Best score</source>
            <translation>Meilleur score</translation>
        </message>
        <message>
            <source>Time spent</source>
            <translation>Temps passé</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>Dernière activité</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Envoi</translation>
        </message>
        <message>
            <source>Learners and modules</source>
            <translation>Apprenants et modules</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Average best score</source>
            <translation>Moyenne des meilleurs scores</translation>
        </message>
        <message>
            <source>Per module: learners who completed it, average</source>
            <translation>Par module : apprenants qui l’ont terminé, moyenne</translation>
        </message>
        <message>
            <source>&amp;Import a laptop's progress file…</source>
            <translation>&amp;Importer le fichier de progression d’un ordinateur…</translation>
        </message>
        <message>
            <source>Export &amp;CSV…</source>
            <translation>Exporter en &amp;CSV…</translation>
        </message>
        <message>
            <source>&amp;Print the selected learner's summary (PDF)…</source>
            <translation>&amp;Imprimer le bilan de l’apprenant choisi (PDF)…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>All courses</source>
            <translation>Tous les cours</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>Code PIN incorrect.</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>terminé</translation>
        </message>
        <message>
            <source>open</source>
            <translation>ouvert</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>verrouillé</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>non transmis</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 en attente</translation>
        </message>
        <message>
            <source>all sent</source>
            <translation>tout envoyé</translation>
        </message>
        <message>
            <source>rejected by the LRS</source>
            <translation>refusé par le LRS</translation>
        </message>
        <message>
            <source>Imported from: %1</source>
            <translation>Importé depuis : %1</translation>
        </message>
        <message numerus="yes">
            <source>%n learner(s)</source>
            <translation>
                <numerusform>%n apprenant</numerusform>
                <numerusform>%n apprenants</numerusform>
            </translation>
        </message>
        <message>
            <source>Progress file</source>
            <translation>Fichier de progression</translation>
        </message>
        <message>
            <source>Progress files (*.jsonl);;All files (*)</source>
            <translation>Fichiers de progression (*.jsonl);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>%1: %2 new (%3 merged into progress, %4 not merged), %5 already here, %6 rejected line(s).</source>
            <translation>%1 : %2 nouveaux (%3 intégrés à la progression, %4 non intégrés), %5 déjà présents, %6 ligne(s) refusée(s).</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Exporter en CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <source>%1 row(s) written to %2</source>
            <translation>%1 ligne(s) écrite(s) dans %2</translation>
        </message>
        <message>
            <source>Select a learner's row first.</source>
            <translation>Choisissez d’abord la ligne d’un apprenant.</translation>
        </message>
        <message>
            <source>Learner summary</source>
            <translation>Bilan de l’apprenant</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Summary written to %1</source>
            <translation>Bilan écrit dans %1</translation>
        </message>
        <message>
            <source>&amp;Trainer PIN…</source>
            <translation>Code PIN du &amp;formateur…</translation>
        </message>
        <message>
            <source>Type the trainer PIN first.</source>
            <translation>Saisissez d’abord le code PIN du formateur.</translation>
        </message>
        <message>
            <source>The trainer PIN is set.</source>
            <translation>Le code PIN du formateur est enregistré.</translation>
        </message>
        <message>
            <source>The trainer PIN was removed.</source>
            <translation>Le code PIN du formateur a été supprimé.</translation>
        </message>
        <message>
            <source>&amp;Module:</source>
            <translation>&amp;Module :</translation>
        </message>
        <message>
            <source>part of a module's title</source>
            <translation>une partie du titre d’un module</translation>
        </message>
        <message>
            <source>Show only the modules containing</source>
            <translation>N’afficher que les modules contenant</translation>
        </message>
        <message>
            <source>L&amp;earner:</source>
            <translation>Appre&amp;nant :</translation>
        </message>
        <message>
            <source>part of a name</source>
            <translation>une partie d’un nom</translation>
        </message>
        <message>
            <source>Show only the learners containing</source>
            <translation>N’afficher que les apprenants contenant</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Cours</translation>
        </message>
        <message>
            <source>% of the learners who completed it, average best quiz score</source>
            <translation>% des apprenants qui l’ont terminé, meilleur score moyen au quiz</translation>
        </message>
        <message>
            <source>Modules</source>
            <translation>Modules</translation>
        </message>
        <message>
            <source>E&amp;very learner's progress to a USB stick…</source>
            <translation>Progression de &amp;tous vers une clé USB…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>TrainerPinPage</name>
        <message>
            <source>Protect this dashboard with a trainer PIN?</source>
            <translation>Protéger ce tableau de bord par un code PIN du formateur ?</translation>
        </message>
        <message>
            <source>Several learners use this computer. With a trainer PIN, only you can open this dashboard, import progress files and export results. 4 to 8 digits.</source>
            <translation>Plusieurs apprenants utilisent cet ordinateur. Avec un code PIN du formateur, personne d’autre que vous ne peut ouvrir ce tableau de bord, importer des fichiers de progression ni exporter les résultats. De 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>&amp;Not now</source>
            <translation>&amp;Pas maintenant</translation>
        </message>
        <message>
            <source>Trainer PIN</source>
            <translation>Code PIN du formateur</translation>
        </message>
        <message>
            <source>Only someone who knows the trainer PIN can open this dashboard, import progress files and export results. 4 to 8 digits.</source>
            <translation>Seule une personne qui connaît le code PIN du formateur peut ouvrir ce tableau de bord, importer des fichiers de progression et exporter les résultats. De 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>&amp;New trainer PIN:</source>
            <translation>&amp;Nouveau code PIN du formateur :</translation>
        </message>
        <message>
            <source>New trainer PIN &amp;again:</source>
            <translation>Nouveau code, &amp;encore une fois :</translation>
        </message>
        <message>
            <source>New trainer PIN</source>
            <translation>Nouveau code PIN du formateur</translation>
        </message>
        <message>
            <source>New trainer PIN again</source>
            <translation>Nouveau code PIN du formateur, une seconde fois</translation>
        </message>
        <message>
            <source>&amp;Set the trainer PIN</source>
            <translation>&amp;Enregistrer le code PIN du formateur</translation>
        </message>
        <message>
            <source>&amp;Remove the trainer PIN</source>
            <translation>&amp;Supprimer le code PIN du formateur</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>Un code PIN a de 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>The two PINs differ. Type them again.</source>
            <translation>Les deux codes PIN diffèrent. Saisissez-les à nouveau.</translation>
        </message>
    </context>
    <context>
        <name>LearnerDialog</name>
        <message>
            <source>Switch learner</source>
            <translation>Changer d’apprenant</translation>
        </message>
        <message>
            <source>Who is learning?</source>
            <translation>Qui apprend ?</translation>
        </message>
        <message>
            <source>Learners on this computer</source>
            <translation>Apprenants sur cet ordinateur</translation>
        </message>
        <message>
            <source>&amp;PIN:</source>
            <translation>Code &amp;PIN :</translation>
        </message>
        <message>
            <source>PIN of the chosen learner</source>
            <translation>Code PIN de l’apprenant choisi</translation>
        </message>
        <message>
            <source>New learner</source>
            <translation>Nouvel apprenant</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;E-mail (optional):</source>
            <translation>&amp;E-mail (facultatif) :</translation>
        </message>
        <message>
            <source>P&amp;IN (optional, 4 to 8 digits):</source>
            <translation>Code P&amp;IN (facultatif, 4 à 8 chiffres) :</translation>
        </message>
        <message>
            <source>Name of the new learner</source>
            <translation>Nom du nouvel apprenant</translation>
        </message>
        <message>
            <source>E-mail of the new learner</source>
            <translation>E-mail du nouvel apprenant</translation>
        </message>
        <message>
            <source>PIN of the new learner</source>
            <translation>Code PIN du nouvel apprenant</translation>
        </message>
        <message>
            <source>&amp;Add this learner</source>
            <translation>&amp;Ajouter cet apprenant</translation>
        </message>
        <message>
            <source>&amp;Switch</source>
            <translation>&amp;Changer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>%1 (current)</source>
            <translation>%1 (actuel)</translation>
        </message>
        <message>
            <source>Protected by a PIN</source>
            <translation>Protégé par un code PIN</translation>
        </message>
        <message>
            <source>Enter %1's PIN.</source>
            <translation>Saisissez le code PIN de %1.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>Code PIN incorrect. Réessayez.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>Un code PIN a de 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>%1 was added. Press Switch to continue as %1.</source>
            <translation>%1 a été ajouté. Appuyez sur Changer pour continuer en tant que %1.</translation>
        </message>
        <message>
            <source>My &amp;PIN…</source>
            <translation>Mon code &amp;PIN…</translation>
        </message>
        <message>
            <source>Set, change or remove the PIN of %1</source>
            <translation>Définir, changer ou supprimer le code PIN de %1</translation>
        </message>
        <message>
            <source>Your PIN is set.</source>
            <translation>Votre code PIN est enregistré.</translation>
        </message>
        <message>
            <source>Your PIN was removed.</source>
            <translation>Votre code PIN a été supprimé.</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>Course Player</source>
            <translation>Lecteur de cours</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Continuer</translation>
        </message>
    </context>
    <context>
        <name>LibraryScreen</name>
        <message>
            <source>My courses</source>
            <translation>Mes cours</translation>
        </message>
        <message>
            <source>Add a course…</source>
            <translation>Ajouter un cours…</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Ajouter un cours</translation>
        </message>
        <message>
            <source>No course is installed yet. Add one from a file, a USB stick or a web address; everything then works without a network.</source>
            <translation>Aucun cours n’est encore installé. Ajoutez-en un depuis un fichier, une clé USB ou une adresse web ; tout fonctionne ensuite sans réseau.</translation>
        </message>
        <message>
            <source>Export my progress to a USB stick…</source>
            <translation>Exporter ma progression vers une clé USB…</translation>
        </message>
        <message>
            <source>Remove a course</source>
            <translation>Retirer un cours</translation>
        </message>
        <message>
            <source>Remove “%1” from this computer?</source>
            <translation>Retirer « %1 » de cet ordinateur ?</translation>
        </message>
        <message>
            <source>The learners&apos; progress is kept: installing the course again brings it back.</source>
            <translation>La progression des apprenants est conservée : elle revient si le cours est réinstallé.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Le garder</translation>
        </message>
        <message>
            <source>Copy to a USB stick…</source>
            <translation>Copier sur une clé USB…</translation>
        </message>
        <message>
            <source>Remove from this computer…</source>
            <translation>Retirer de cet ordinateur…</translation>
        </message>
        <message>
            <source>More actions for %1</source>
            <translation>Autres actions pour %1</translation>
        </message>
        <message>
            <source>Arrow keys move between courses; Enter opens the course.</source>
            <translation>Les flèches passent d’un cours à l’autre ; Entrée ouvre le cours.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Learner</source>
            <translation>Apprenant</translation>
        </message>
        <message>
            <source>Course Player</source>
            <translation>Lecteur de cours</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Barre d’outils principale</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Bibliothèque</translation>
        </message>
        <message>
            <source>Your courses (Ctrl+Home)</source>
            <translation>Vos cours (Ctrl+Début)</translation>
        </message>
        <message>
            <source>&amp;Add a course…</source>
            <translation>&amp;Ajouter un cours…</translation>
        </message>
        <message>
            <source>Install a course from a file, a USB stick or the web</source>
            <translation>Installer un cours depuis un fichier, une clé USB ou le web</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Paramètres</translation>
        </message>
        <message>
            <source>Learner: %1</source>
            <translation>Apprenant : %1</translation>
        </message>
        <message>
            <source>Switch learner (Ctrl+L)</source>
            <translation>Changer d’apprenant (Ctrl+L)</translation>
        </message>
        <message>
            <source>Offline mode</source>
            <translation>Mode hors ligne</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Hors ligne</translation>
        </message>
        <message>
            <source>Connection: %1</source>
            <translation>Connexion : %1</translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) waiting to be sent</source>
            <translation>
                <numerusform>%n résultat en attente d’envoi</numerusform>
                <numerusform>%n résultats en attente d’envoi</numerusform>
            </translation>
        </message>
        <message>
            <source>All sent at %1</source>
            <translation>Tout envoyé à %1</translation>
        </message>
        <message>
            <source>Nothing to send</source>
            <translation>Rien à envoyer</translation>
        </message>
        <message>
            <source>An app update is available on the hub</source>
            <translation>Une mise à jour de l&apos;application est disponible sur le hub</translation>
        </message>
        <message>
            <source>Version %1. To install it, close the app and run: %2</source>
            <translation>Version %1. Pour l&apos;installer, fermez l&apos;application et lancez : %2</translation>
        </message>
        <message numerus="yes">
            <source>%n refused by the server</source>
            <translation>
                <numerusform>%n refusé par le serveur</numerusform>
                <numerusform>%n refusés par le serveur</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot open this lesson</source>
            <translation>Impossible d’ouvrir cette leçon</translation>
        </message>
        <message>
            <source>&amp;Trainer dashboard</source>
            <translation>&amp;Tableau de bord formateur</translation>
        </message>
        <message>
            <source>Who is where in the workshop: learners × modules (Ctrl+Shift+D)</source>
            <translation>Qui en est où dans l’atelier : apprenants × modules (Ctrl+Maj+D)</translation>
        </message>
        <message>
            <source>Sync details…</source>
            <translation>Détails de l’envoi…</translation>
        </message>
        <message>
            <source>What is waiting to be sent, and what the server refused</source>
            <translation>Ce qui attend d’être envoyé, et ce que le serveur a refusé</translation>
        </message>
        <message>
            <source>Share in a &amp;workshop…</source>
            <translation>Partager &amp;en atelier…</translation>
        </message>
        <message>
            <source>Share this laptop's courses over the local Wi-Fi, or pair with a hub</source>
            <translation>Partager les cours de cet ordinateur sur le Wi-Fi local, ou s’appairer avec un poste d’atelier</translation>
        </message>
        <message>
            <source>Back (Alt+Left)</source>
            <translation>Retour (Alt+Gauche)</translation>
        </message>
        <message>
            <source>Settings (Ctrl+,)</source>
            <translation>Paramètres (Ctrl+,)</translation>
        </message>
        <message>
            <source>Install a course from a file, a USB stick or the web (Ctrl+O)</source>
            <translation>Installer un cours depuis un fichier, une clé USB ou le web (Ctrl+O)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>Every keyboard shortcut of the app (F1)</source>
            <translation>Tous les raccourcis clavier de l’application (F1)</translation>
        </message>
        <message>
            <source>More actions</source>
            <translation>Plus d’actions</translation>
        </message>
    </context>
    <context>
        <name>OutlineScreen</name>
        <message>
            <source>← Library</source>
            <translation>← Bibliothèque</translation>
        </message>
        <message>
            <source>Back to the library</source>
            <translation>Retour à la bibliothèque</translation>
        </message>
        <message>
            <source>Back to the library (Alt+Left)</source>
            <translation>Retour à la bibliothèque (Alt+Gauche)</translation>
        </message>
        <message>
            <source>Loading the course…</source>
            <translation>Chargement du cours…</translation>
        </message>
        <message>
            <source>Continue where I stopped</source>
            <translation>Reprendre là où je me suis arrêté</translation>
        </message>
        <message>
            <source>Course complete: all %1 lessons done. Well done!</source>
            <translation>Cours terminé : les %1 leçons sont faites. Bravo !</translation>
        </message>
        <message>
            <source>%1 of %2 lessons done</source>
            <translation>%1 leçons faites sur %2</translation>
        </message>
        <message>
            <source>Nothing left to do</source>
            <translation>Plus rien à faire</translation>
        </message>
        <message>
            <source>Start the course</source>
            <translation>Commencer le cours</translation>
        </message>
        <message>
            <source>Opens “%1”</source>
            <translation>Ouvre « %1 »</translation>
        </message>
        <message>
            <source>Module complete.</source>
            <translation>Module terminé.</translation>
        </message>
        <message>
            <source>%1 of %2 lessons done.</source>
            <translation>%1 leçons faites sur %2.</translation>
        </message>
        <message>
            <source>Locked: finish the module before.</source>
            <translation>Verrouillé : terminez d’abord le module précédent.</translation>
        </message>
        <message>
            <source>reach %1 in “%2” (%3)</source>
            <translation>obtenir %1 à « %2 » (%3)</translation>
        </message>
        <message>
            <source> — best so far %1</source>
            <translation> — meilleur score actuel %1</translation>
        </message>
        <message>
            <source>finish “%1”</source>
            <translation>terminer « %1 »</translation>
        </message>
        <message>
            <source>finish the other %1 lessons of “%2”</source>
            <translation>terminer les %1 autres leçons de « %2 »</translation>
        </message>
        <message>
            <source>Locked: complete “%1” first.</source>
            <translation>Verrouillé : terminez d’abord « %1 ».</translation>
        </message>
        <message>
            <source>Locked. To open it: %1.</source>
            <translation>Verrouillé. Pour l’ouvrir : %1.</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>Quiz</source>
            <translation>Quiz</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>verrouillé</translation>
        </message>
        <message>
            <source>done</source>
            <translation>fait</translation>
        </message>
        <message>
            <source>passed, best %1</source>
            <translation>réussi, meilleur score %1</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>en cours</translation>
        </message>
        <message>
            <source>best %1, %2 needed</source>
            <translation>meilleur score %1, %2 requis</translation>
        </message>
        <message>
            <source>to do</source>
            <translation>à faire</translation>
        </message>
        <message>
            <source>▶ Next: %1</source>
            <translation>▶ Suivant : %1</translation>
        </message>
        <message>
            <source>; </source>
            <comment>between the steps that open a module</comment>
            <translation> ; </translation>
        </message>
        <message numerus="yes">
            <source>%n optional survey(s), not counted.</source>
            <translation>
                <numerusform>%n questionnaire facultatif, non compté.</numerusform>
                <numerusform>%n questionnaires facultatifs, non comptés.</numerusform>
            </translation>
        </message>
        <message>
            <source>Locked module</source>
            <translation>Module verrouillé</translation>
        </message>
        <message>
            <source>Open module</source>
            <translation>Module ouvert</translation>
        </message>
        <message>
            <source>Completed module</source>
            <translation>Module terminé</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>À suivre</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
    </context>
    <context>
        <name>QuestionPage</name>
        <message>
            <source>Choose one answer.</source>
            <translation>Choisissez une réponse.</translation>
        </message>
        <message>
            <source>Choose every correct answer.</source>
            <translation>Choisissez toutes les bonnes réponses.</translation>
        </message>
        <message>
            <source>True or false?</source>
            <translation>Vrai ou faux ?</translation>
        </message>
        <message>
            <source>Type your answer.</source>
            <translation>Tapez votre réponse.</translation>
        </message>
        <message>
            <source>True</source>
            <translation>Vrai</translation>
        </message>
        <message>
            <source>False</source>
            <translation>Faux</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>Votre réponse</translation>
        </message>
        <message>
            <source>Enter: next question</source>
            <translation>Entrée : question suivante</translation>
        </message>
    </context>
    <context>
        <name>QuizScreen</name>
        <message>
            <source>Question %1 of %2</source>
            <translation>Question %1 sur %2</translation>
        </message>
        <message>
            <source>Submit the quiz?</source>
            <translation>Valider le quiz ?</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) have no answer yet. Submit anyway?</source>
            <translation>
                <numerusform>%n question n’a pas encore de réponse. Valider quand même ?</numerusform>
                <numerusform>%n questions n’ont pas encore de réponse. Valider quand même ?</numerusform>
            </translation>
        </message>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>← &amp;Previous</source>
            <translation>← &amp;Précédente</translation>
        </message>
        <message>
            <source>&amp;Next →</source>
            <translation>&amp;Suivante →</translation>
        </message>
        <message>
            <source>&amp;Submit answers</source>
            <translation>&amp;Valider mes réponses</translation>
        </message>
        <message>
            <source>Submit (Ctrl+Enter)</source>
            <translation>Valider (Ctrl+Entrée)</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <source>Back to the &amp;outline</source>
            <translation>Retour au &amp;sommaire</translation>
        </message>
        <message>
            <source>Next &amp;lesson →</source>
            <translation>&amp;Leçon suivante →</translation>
        </message>
        <message>
            <source>Loading the quiz…</source>
            <translation>Chargement du quiz…</translation>
        </message>
        <message>
            <source>Pass mark: %1.</source>
            <translation>Seuil de réussite : %1.</translation>
        </message>
        <message>
            <source>Your best score so far: %1.</source>
            <translation>Votre meilleur score jusqu’ici : %1.</translation>
        </message>
        <message>
            <source>Each answer is saved as soon as you give it.</source>
            <translation>Chaque réponse est enregistrée dès que vous la donnez.</translation>
        </message>
        <message>
            <source>✓ Passed</source>
            <translation>✓ Réussi</translation>
        </message>
        <message>
            <source>Not passed yet</source>
            <translation>Pas encore réussi</translation>
        </message>
        <message>
            <source>Your score: %1 — pass mark %2 — best score %3</source>
            <translation>Votre score : %1 — seuil %2 — meilleur score %3</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>« %1 »</translation>
        </message>
        <message>
            <source>Unlocked: %1 is now open.</source>
            <translation>Déverrouillé : %1 est maintenant ouvert.</translation>
        </message>
        <message>
            <source>Course complete. Congratulations!</source>
            <translation>Cours terminé. Félicitations !</translation>
        </message>
        <message>
            <source>Answers and explanations</source>
            <translation>Réponses et explications</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>Bonne réponse</translation>
        </message>
        <message>
            <source>Not correct</source>
            <translation>Réponse incorrecte</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>Votre réponse :</translation>
        </message>
        <message>
            <source>Correct answer:</source>
            <translation>Bonne réponse :</translation>
        </message>
        <message>
            <source>(no answer)</source>
            <translation>(pas de réponse)</translation>
        </message>
        <message>
            <source>True</source>
            <translation>Vrai</translation>
        </message>
        <message>
            <source>False</source>
            <translation>Faux</translation>
        </message>
        <message>
            <source>The right answers are shown once you pass this quiz.</source>
            <translation>Les bonnes réponses s’affichent une fois ce quiz réussi.</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Retour au sommaire du cours (Alt+Gauche)</translation>
        </message>
    </context>
    <context>
        <name>ReadingScreen</name>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Retour au sommaire du cours (Alt+Gauche)</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>Next lesson →</source>
            <translation>Leçon suivante →</translation>
        </message>
        <message>
            <source>Next lesson</source>
            <translation>Leçon suivante</translation>
        </message>
        <message>
            <source>Page: %1</source>
            <translation>Page : %1</translation>
        </message>
        <message>
            <source>✓ Page read</source>
            <translation>✓ Page lue</translation>
        </message>
        <message>
            <source>Links outside the course are not opened by the player: %1</source>
            <translation>Les liens hors du cours ne sont pas ouverts par le lecteur : %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>This password was saved for another server. Type it again to send it to this address.</source>
            <translation>Ce mot de passe a été enregistré pour un autre serveur. Saisissez-le à nouveau pour l’envoyer à cette adresse.</translation>
        </message>
        <message>
            <source>Allow an LRS on another computer over plain http (&amp;unencrypted)</source>
            <translation>Autoriser un LRS sur un autre ordinateur en http simple (&amp;non chiffré)</translation>
        </message>
        <message>
            <source>When this address answers, completions are sent in the background. Without it, the player works fully offline. The user name and password are sent to this server only.</source>
            <translation>Quand cette adresse répond, les résultats sont envoyés en arrière-plan. Sans elle, le lecteur fonctionne entièrement hors ligne. Le nom d’utilisateur et le mot de passe ne sont envoyés qu’à ce serveur.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Same as the computer</source>
            <translation>Comme l’ordinateur</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Dossier des données :</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Dossier des données</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>Open the data folder</source>
            <translation>Ouvrir le dossier des données</translation>
        </message>
        <message>
            <source>&amp;Slow or costly connection: download the lightest videos</source>
            <translation>Connexion &amp;lente ou coûteuse : télécharger les vidéos les plus légères</translation>
        </message>
        <message>
            <source>Sending completions (optional)</source>
            <translation>Envoi des résultats (facultatif)</translation>
        </message>
        <message>
            <source>LRS &amp;address:</source>
            <translation>&amp;Adresse du LRS :</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nom d’&amp;utilisateur :</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>&amp;Text size:</source>
            <translation>&amp;Taille du texte :</translation>
        </message>
        <message>
            <source>For the current learner, everywhere in the app (Ctrl+plus, Ctrl+minus)</source>
            <translation>Pour l’apprenant actuel, partout dans l’application (Ctrl+plus, Ctrl+moins)</translation>
        </message>
    </context>
    <context>
        <name>SurveyQuestion</name>
        <message>
            <source>1 = not at all, 5 = very much</source>
            <translation>1 = pas du tout, 5 = beaucoup</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>Votre réponse</translation>
        </message>
        <message>
            <source>%1 out of 5</source>
            <translation>%1 sur 5</translation>
        </message>
    </context>
    <context>
        <name>SurveyScreen</name>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>&amp;Send my answers</source>
            <translation>&amp;Envoyer mes réponses</translation>
        </message>
        <message>
            <source>Tell us what you thought of this course. There are no right answers, and every question is optional.</source>
            <translation>Dites-nous ce que vous avez pensé de ce cours. Il n’y a pas de bonne réponse, et chaque question est facultative.</translation>
        </message>
        <message>
            <source>Loading the survey…</source>
            <translation>Chargement du questionnaire…</translation>
        </message>
        <message>
            <source>You already answered; you may change your answers.</source>
            <translation>Vous avez déjà répondu ; vous pouvez modifier vos réponses.</translation>
        </message>
        <message>
            <source>Answer at least one question first.</source>
            <translation>Répondez d’abord à au moins une question.</translation>
        </message>
        <message>
            <source>Thank you! Your answers were saved.</source>
            <translation>Merci ! Vos réponses ont été enregistrées.</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Retour au sommaire du cours (Alt+Gauche)</translation>
        </message>
    </context>
    <context>
        <name>VideoLessonView</name>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>Position in the video</source>
            <translation>Position dans la vidéo</translation>
        </message>
        <message>
            <source>Time played</source>
            <translation>Temps écoulé</translation>
        </message>
        <message>
            <source>Length of the video</source>
            <translation>Durée de la vidéo</translation>
        </message>
        <message>
            <source>Back 10 seconds</source>
            <translation>Reculer de 10 secondes</translation>
        </message>
        <message>
            <source>Left arrow</source>
            <translation>Flèche gauche</translation>
        </message>
        <message>
            <source>Forward 10 seconds</source>
            <translation>Avancer de 10 secondes</translation>
        </message>
        <message>
            <source>Right arrow</source>
            <translation>Flèche droite</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Plein écran</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Couper le son</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volume</translation>
        </message>
        <message>
            <source>&amp;Speed</source>
            <translation>&amp;Vitesse</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>Vitesse de lecture</translation>
        </message>
        <message>
            <source>S&amp;ubtitles</source>
            <translation>S&amp;ous-titres</translation>
        </message>
        <message>
            <source>Subtitles</source>
            <translation>Sous-titres</translation>
        </message>
        <message>
            <source>&amp;Quality</source>
            <translation>&amp;Qualité</translation>
        </message>
        <message>
            <source>Video quality</source>
            <translation>Qualité vidéo</translation>
        </message>
        <message>
            <source>Next lesson →</source>
            <translation>Leçon suivante →</translation>
        </message>
        <message>
            <source>Next lesson</source>
            <translation>Leçon suivante</translation>
        </message>
        <message>
            <source>Your progress could not be saved: %1</source>
            <translation>Votre progression n’a pas pu être enregistrée : %1</translation>
        </message>
        <message>
            <source>The video file is missing: %1. Install the course again.</source>
            <translation>Le fichier vidéo est absent : %1. Réinstallez le cours.</translation>
        </message>
        <message>
            <source>Videos cannot play: VLC is not installed on this computer.</source>
            <translation>Les vidéos ne peuvent pas être lues : VLC n’est pas installé sur cet ordinateur.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>%1 (Space)</source>
            <translation>%1 (Espace)</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Désactivés</translation>
        </message>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>%n min</numerusform>
                <numerusform>%n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n s</source>
            <translation>
                <numerusform>%n s</numerusform>
                <numerusform>%n s</numerusform>
            </translation>
        </message>
        <message>
            <source>This video does not count as watched yet: %1 not watched. Resume at %2?</source>
            <translation>Cette vidéo ne compte pas encore comme vue : il reste %1 non regardées. Reprendre à %2 ?</translation>
        </message>
        <message>
            <source>Resume at %1</source>
            <translation>Reprendre à %1</translation>
        </message>
        <message>
            <source>Resume at the first part not watched, %1</source>
            <translation>Reprendre à la première partie non regardée, %1</translation>
        </message>
        <message>
            <source>Video lesson: %1</source>
            <translation>Leçon vidéo : %1</translation>
        </message>
        <message>
            <source>Resume the unwatched part</source>
            <translation>Reprendre la partie non regardée</translation>
        </message>
    </context>
    <context>
        <name>VideoPlayer</name>
        <message>
            <source>This video cannot be played: %1. The file may be damaged.</source>
            <translation>Cette vidéo ne peut pas être lue : %1. Le fichier est peut-être abîmé.</translation>
        </message>
    </context>
    <context>
        <name>CopyToUsbDialog</name>
        <message>
            <source>Copy to a USB stick</source>
            <translation>Copier sur une clé USB</translation>
        </message>
        <message>
            <source>Copy “%1” to a USB stick</source>
            <translation>Copier « %1 » sur une clé USB</translation>
        </message>
        <message>
            <source>The course is written as one .zip file (about %1) with a README telling the next person how to install it. The copy is checked after writing.</source>
            <translation>Le cours est écrit en un seul fichier .zip (environ %1), avec un README qui explique à la personne suivante comment l’installer. La copie est vérifiée après l’écriture.</translation>
        </message>
        <message>
            <source>&amp;Where to copy:</source>
            <translation>&amp;Où copier :</translation>
        </message>
        <message>
            <source>USB sticks found</source>
            <translation>Clés USB trouvées</translation>
        </message>
        <message>
            <source>Other &amp;folder…</source>
            <translation>Autre &amp;dossier…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <source>Cancel the copy</source>
            <translation>Annuler la copie</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>not readable</source>
            <translation>illisible</translation>
        </message>
        <message>
            <source>read-only</source>
            <translation>en lecture seule</translation>
        </message>
        <message>
            <source>%1 free</source>
            <translation>%1 libres</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in and press Refresh, or pick a folder.</source>
            <translation>Aucune clé USB trouvée. Branchez-en une puis cliquez sur Actualiser, ou choisissez un dossier.</translation>
        </message>
        <message>
            <source>Choose where to copy</source>
            <translation>Choisir où copier</translation>
        </message>
        <message>
            <source>Copying… Do not remove the stick.</source>
            <translation>Copie en cours… Ne retirez pas la clé.</translation>
        </message>
        <message>
            <source>%1 of %2 — %3/s — %4 left</source>
            <translation>%1 sur %2 — %3/s — encore %4</translation>
        </message>
        <message>
            <source>Copied and checked: %1 (%2). You can remove the stick.</source>
            <translation>Copié et vérifié : %1 (%2). Vous pouvez retirer la clé.</translation>
        </message>
        <message>
            <source>Copy cancelled; nothing was left on the stick.</source>
            <translation>Copie annulée ; rien n’a été laissé sur la clé.</translation>
        </message>
    </context>
    <context>
        <name>PackageRow</name>
        <message>
            <source>%1 (signed; checked when installing)</source>
            <translation>%1 (signé ; vérifié à l’installation)</translation>
        </message>
        <message>
            <source>Version %1 · %2 · %3</source>
            <translation>Version %1 · %2 · %3</translation>
        </message>
        <message>
            <source>installed here: version %1</source>
            <translation>installé ici : version %1</translation>
        </message>
        <message>
            <source>Installed</source>
            <translation>Installé</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Mettre à jour</translation>
        </message>
        <message>
            <source>Install</source>
            <translation>Installer</translation>
        </message>
        <message>
            <source>Install %1 from the USB stick</source>
            <translation>Installer %1 depuis la clé USB</translation>
        </message>
        <message>
            <source>%1 — unsigned</source>
            <translation>%1 — non signé</translation>
        </message>
        <message>
            <source>unsigned</source>
            <translation>non signé</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>PIN of %1</source>
            <translation>Code PIN de %1</translation>
        </message>
        <message>
            <source>A PIN keeps others from opening your courses as you on a shared computer. 4 to 8 digits.</source>
            <translation>Un code PIN empêche les autres d’ouvrir vos cours à votre place sur un ordinateur partagé. De 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>&amp;Current PIN:</source>
            <translation>Code &amp;actuel :</translation>
        </message>
        <message>
            <source>&amp;New PIN:</source>
            <translation>&amp;Nouveau code :</translation>
        </message>
        <message>
            <source>New PIN &amp;again:</source>
            <translation>Nouveau code, &amp;encore une fois :</translation>
        </message>
        <message>
            <source>Your current PIN</source>
            <translation>Votre code PIN actuel</translation>
        </message>
        <message>
            <source>Your new PIN</source>
            <translation>Votre nouveau code PIN</translation>
        </message>
        <message>
            <source>Your new PIN again</source>
            <translation>Votre nouveau code PIN, encore une fois</translation>
        </message>
        <message>
            <source>&amp;Save the PIN</source>
            <translation>&amp;Enregistrer le code</translation>
        </message>
        <message>
            <source>&amp;Remove my PIN</source>
            <translation>&amp;Supprimer mon code</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Type your current PIN first.</source>
            <translation>Tapez d’abord votre code PIN actuel.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>Un code PIN a de 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>The two new PINs differ. Type them again.</source>
            <translation>Les deux nouveaux codes diffèrent. Tapez-les à nouveau.</translation>
        </message>
        <message>
            <source>Wrong current PIN. Nothing was changed.</source>
            <translation>Code PIN actuel incorrect. Rien n’a été changé.</translation>
        </message>
    </context>
    <context>
        <name>PublisherLabel</name>
        <message>
            <source>✔ %1 — verified publisher</source>
            <translation>✔ %1 — éditeur vérifié</translation>
        </message>
        <message>
            <source>This course is not signed: nothing proves who made it or that it is unchanged.</source>
            <translation>Ce cours n’est pas signé : rien ne prouve qui l’a fait ni qu’il n’a pas été modifié.</translation>
        </message>
        <message>
            <source>Signed by a key this computer trusts. Key: %1</source>
            <translation>Signé par une clé à laquelle cet ordinateur fait confiance. Clé : %1</translation>
        </message>
        <message>
            <source>%1 — signed by an unknown publisher (%2)</source>
            <translation>%1 — signé par un éditeur inconnu (%2)</translation>
        </message>
        <message>
            <source>Signed by an unknown publisher (%1)</source>
            <translation>Signé par un éditeur inconnu (%1)</translation>
        </message>
        <message>
            <source>Signed, but by a key this computer does not trust: the name it shows proves nothing. Trust the key in Settings only if its publisher gave it to you. Key: %1</source>
            <translation>Signé, mais par une clé à laquelle cet ordinateur ne fait pas confiance : le nom affiché ne prouve rien. Ne faites confiance à cette clé dans les Paramètres que si son éditeur vous l’a donnée. Clé : %1</translation>
        </message>
        <message>
            <source>%1 — unsigned</source>
            <translation>%1 — non signé</translation>
        </message>
        <message>
            <source>Unsigned</source>
            <translation>Non signé</translation>
        </message>
    </context>
    <context>
        <name>SyncDetailsDialog</name>
        <message>
            <source>Last problem:</source>
            <translation>Dernier problème :</translation>
        </message>
        <message>
            <source>&amp;Approve this server</source>
            <translation>&amp;Approuver ce serveur</translation>
        </message>
        <message>
            <source>A course asks to send its completions to {server}. They stay here until you approve this server; your LRS password is never sent to it.</source>
            <translation>Un cours demande à envoyer ses résultats à {server}. Ils restent sur cet ordinateur tant que vous n’avez pas approuvé ce serveur ; votre mot de passe LRS ne lui est jamais envoyé.</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>refusé</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>conflit</translation>
        </message>
        <message>
            <source>Sync details</source>
            <translation>Détails de l’envoi</translation>
        </message>
        <message>
            <source>Completions sent to the learning record store</source>
            <translation>Résultats envoyés au serveur de suivi (LRS)</translation>
        </message>
        <message>
            <source>Waiting to be sent:</source>
            <translation>En attente d’envoi :</translation>
        </message>
        <message>
            <source>Sent:</source>
            <translation>Envoyés :</translation>
        </message>
        <message>
            <source>Refused by the server:</source>
            <translation>Refusés par le serveur :</translation>
        </message>
        <message>
            <source>Conflicts:</source>
            <translation>Conflits :</translation>
        </message>
        <message>
            <source>Last sent:</source>
            <translation>Dernier envoi :</translation>
        </message>
        <message>
            <source>Server (LRS):</source>
            <translation>Serveur (LRS) :</translation>
        </message>
        <message>
            <source>Statements the server would not take:</source>
            <translation>Déclarations que le serveur n’a pas acceptées :</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Événement</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Apprenant</translation>
        </message>
        <message>
            <source>Server's reason</source>
            <translation>Raison donnée par le serveur</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>not set (see Settings): completions stay here</source>
            <translation>non défini (voir Paramètres) : les résultats restent ici</translation>
        </message>
        <message>
            <source>Refused statements are kept here and not sent again; they do not block the others.</source>
            <translation>Les déclarations refusées sont gardées ici et ne sont pas renvoyées ; elles ne bloquent pas les autres.</translation>
        </message>
        <message>
            <source>The server has refused nothing.</source>
            <translation>Le serveur n’a rien refusé.</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Envoi en cours…</translation>
        </message>
        <message>
            <source>Results sent to the training server</source>
            <translation>Résultats envoyés au serveur de la formation</translation>
        </message>
        <message>
            <source>Already there with other content:</source>
            <translation>Déjà sur le serveur avec un autre contenu :</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Serveur :</translation>
        </message>
        <message>
            <source>&amp;Send now</source>
            <translation>&amp;Envoyer maintenant</translation>
        </message>
    </context>
    <context>
        <name>Units</name>
        <message>
            <source>B</source>
            <translation>o</translation>
        </message>
        <message>
            <source>KB</source>
            <translation>Ko</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>Mo</translation>
        </message>
        <message>
            <source>GB</source>
            <translation>Go</translation>
        </message>
    </context>
    <context>
        <name>UsbPanel</name>
        <message>
            <source>Looking for courses on USB sticks…</source>
            <translation>Recherche de cours sur les clés USB…</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in, then press Refresh.</source>
            <translation>Aucune clé USB trouvée. Branchez-en une, puis cliquez sur Actualiser.</translation>
        </message>
        <message numerus="yes">
            <source>%n course(s) found on %1:</source>
            <translation>
                <numerusform>%n cours trouvé sur %1 :</numerusform>
                <numerusform>%n cours trouvés sur %1 :</numerusform>
            </translation>
        </message>
        <message>
            <source>No course package on %1.</source>
            <translation>Aucun paquet de cours sur %1.</translation>
        </message>
        <message>
            <source>From a USB stick</source>
            <translation>Depuis une clé USB</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>Look again for USB sticks and the courses on them</source>
            <translation>Chercher à nouveau les clés USB et les cours qu’elles contiennent</translation>
        </message>
    </context>
    <context>
        <name>TransferProgress</name>
        <message>
            <source>%1 of %2 — %3/s — %4 left</source>
            <translation>%1 sur %2 — %3/s — reste %4</translation>
        </message>
    </context>
    <context>
        <name>CoreErrors</name>
        <message>
            <source>The LRS endpoint {endpoint} from {origin} uses plain http to another computer: passwords and results would cross the network unencrypted. Use https, or allow it explicitly (sync --allow-insecure, or lrs_allow_insecure in the settings).</source>
            <translation>L’adresse du LRS {endpoint} ({origin}) utilise http sans chiffrement vers un autre ordinateur : les mots de passe et les résultats traverseraient le réseau en clair. Utilisez https, ou autorisez-le explicitement (sync --allow-insecure, ou lrs_allow_insecure dans les paramètres).</translation>
        </message>
        <message>
            <source>Cannot use the data folder {path}: {reason}.</source>
            <translation>Impossible d’utiliser le dossier de données {path} : {reason}.</translation>
        </message>
        <message>
            <source>The progress database {path} is damaged ({reason}); a copy is in {backup}.</source>
            <translation>La base de progression {path} est endommagée ({reason}) ; une copie est dans {backup}.</translation>
        </message>
        <message>
            <source>The progress database {path} was written by a newer version of Course Player (schema step {step}); open it with that version or a newer one.</source>
            <translation>La base de progression {path} a été écrite par une version plus récente de Course Player (étape de schéma {step}) ; ouvrez-la avec cette version ou une plus récente.</translation>
        </message>
        <message>
            <source>{url} is not an http(s) URL.</source>
            <translation>{url} n’est pas une adresse http(s).</translation>
        </message>
        <message>
            <source>{url} is not a valid URL: it names no host.</source>
            <translation>{url} n’est pas une adresse valide : elle ne nomme aucun serveur.</translation>
        </message>
        <message>
            <source>This package would fetch {needed}, more than the {allowed} allowed by --max-bytes.</source>
            <translation>Ce paquet demanderait de télécharger {needed}, plus que les {allowed} permis par --max-bytes.</translation>
        </message>
        <message>
            <source>{url} was not downloaded.</source>
            <translation>{url} n’a pas été téléchargé.</translation>
        </message>
        <message>
            <source>{path} does not exist.</source>
            <translation>{path} n’existe pas.</translation>
        </message>
        <message>
            <source>The package holds {count} file(s) its manifest does not list (first: {first}); refused.</source>
            <translation>Le paquet contient {count} fichier(s) que son manifeste ne liste pas (le premier : {first}) ; refusé.</translation>
        </message>
        <message>
            <source>This install would fetch {needed}, more than the {allowed} allowed by --max-bytes; choose a lower quality.</source>
            <translation>Cette installation téléchargerait {needed}, plus que les {allowed} permis par --max-bytes ; choisissez une qualité plus basse.</translation>
        </message>
        <message>
            <source>Not enough free disk: the course needs {needed} and {free} are free in {folder}.</source>
            <translation>Espace disque insuffisant : le cours demande {needed}, il reste {free} dans {folder}.</translation>
        </message>
        <message>
            <source>The disk filled up while installing {course} in {folder} ({cause}); nothing was changed. Free some space and install again.</source>
            <translation>Le disque s’est rempli pendant l’installation de {course} dans {folder} ({cause}) ; rien n’a été modifié. Libérez de l’espace et relancez l’installation.</translation>
        </message>
        <message>
            <source>{course} version {version} is older than version {highest} already installed here; refusing to downgrade.</source>
            <translation>{course} version {version} est plus ancienne que la version {highest} déjà installée ici ; retour en arrière refusé.</translation>
        </message>
        <message>
            <source>{course} version {version} is installed with other content; a new release must have a higher version number.</source>
            <translation>{course} version {version} est déjà installé avec un autre contenu ; une nouvelle édition doit avoir un numéro de version plus élevé.</translation>
        </message>
        <message>
            <source>No course {course!r} is installed.</source>
            <translation>Aucun cours « {course} » n’est installé.</translation>
        </message>
        <message>
            <source>The answer to {question!r} is longer than {limit} characters.</source>
            <translation>La réponse à « {question} » dépasse {limit} caractères.</translation>
        </message>
        <message>
            <source>A learner needs a name.</source>
            <translation>Un apprenant doit avoir un nom.</translation>
        </message>
        <message>
            <source>A learner name has at most {limit} characters.</source>
            <translation>Un nom d’apprenant compte au plus {limit} caractères.</translation>
        </message>
        <message>
            <source>A learner name cannot contain control characters.</source>
            <translation>Un nom d’apprenant ne peut pas contenir de caractères de contrôle.</translation>
        </message>
        <message>
            <source>{email!r} is not an e-mail address such as ana@example.org.</source>
            <translation>« {email} » n’est pas une adresse électronique comme ana@example.org.</translation>
        </message>
        <message>
            <source>{language!r} is not a language code such as 'fr' or 'en'.</source>
            <translation>« {language} » n’est pas un code de langue comme « fr » ou « en ».</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>Un code PIN compte de 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>A learner named {name!r} already exists.</source>
            <translation>Un apprenant nommé « {name} » existe déjà.</translation>
        </message>
        <message>
            <source>This attempt was already submitted; start a new one to retry.</source>
            <translation>Cette tentative a déjà été envoyée ; commencez-en une nouvelle pour réessayer.</translation>
        </message>
        <message>
            <source>{module!r} is locked: complete the module before first.</source>
            <translation>« {module} » est verrouillé : terminez d’abord le module précédent.</translation>
        </message>
        <message>
            <source>{module!r} is locked: complete {previous!r} first.</source>
            <translation>« {module} » est verrouillé : terminez d’abord « {previous} ».</translation>
        </message>
        <message>
            <source>Answer at least one question of the survey.</source>
            <translation>Répondez à au moins une question du questionnaire.</translation>
        </message>
        <message>
            <source>{origin} is not UTF-8 text (byte {byte}).</source>
            <translation>{origin} n’est pas du texte UTF-8 (octet {byte}).</translation>
        </message>
        <message>
            <source>{origin} is not valid JSON (line {line}, column {column}: {cause}).</source>
            <translation>{origin} n’est pas du JSON valide (ligne {line}, colonne {column} : {cause}).</translation>
        </message>
        <message>
            <source>{origin} is not valid JSON ({cause}).</source>
            <translation>{origin} n’est pas du JSON valide ({cause}).</translation>
        </message>
        <message>
            <source>{origin} uses package format {format}, but this app reads formats up to {supported}; please update the course player.</source>
            <translation>{origin} utilise le format de paquet {format}, mais cette application lit les formats jusqu’au {supported} ; veuillez mettre à jour le lecteur de cours.</translation>
        </message>
        <message>
            <source>{path} is larger than the {size} bytes its manifest declares.</source>
            <translation>{path} dépasse les {size} octets que déclare son manifeste.</translation>
        </message>
        <message>
            <source>{path} has {actual} bytes but its manifest declares {size}.</source>
            <translation>{path} fait {actual} octets mais son manifeste en déclare {size}.</translation>
        </message>
        <message>
            <source>{path} does not match its SHA-256 in the manifest.</source>
            <translation>{path} ne correspond pas à son SHA-256 dans le manifeste.</translation>
        </message>
        <message>
            <source>The disk is full while writing {path}.</source>
            <translation>Le disque est plein pendant l’écriture de {path}.</translation>
        </message>
        <message>
            <source>This package has no {name}.</source>
            <translation>Ce paquet n’a pas de {name}.</translation>
        </message>
        <message>
            <source>{package} is not a course package: it has no {name}.</source>
            <translation>{package} n’est pas un paquet de cours : il n’a pas de {name}.</translation>
        </message>
        <message>
            <source>Unsafe member path {path!r}: {problem}.</source>
            <translation>Chemin de fichier dangereux « {path} » : {problem}.</translation>
        </message>
        <message>
            <source>{path} is listed in the manifest but missing.</source>
            <translation>{path} est listé dans le manifeste mais manque.</translation>
        </message>
        <message>
            <source>{path} is a symbolic link; packages may not hold links.</source>
            <translation>{path} est un lien symbolique ; un paquet ne peut pas contenir de liens.</translation>
        </message>
        <message>
            <source>{path} is not a regular file.</source>
            <translation>{path} n’est pas un fichier ordinaire.</translation>
        </message>
        <message>
            <source>{member} in {package} is not a regular file.</source>
            <translation>{member} dans {package} n’est pas un fichier ordinaire.</translation>
        </message>
        <message>
            <source>{member} is larger than the {limit} bytes allowed.</source>
            <translation>{member} dépasse les {limit} octets permis.</translation>
        </message>
        <message>
            <source>{package} holds more than the {limit} entries a course package may have; refused.</source>
            <translation>{package} contient plus des {limit} entrées permises dans un paquet de cours ; refusé.</translation>
        </message>
        <message>
            <source>{name} is larger than the {limit} allowed; the download was stopped.</source>
            <translation>{name} dépasse les {limit} permis ; le téléchargement a été arrêté.</translation>
        </message>
        <message>
            <source>Gave up on {name}: it had to start over {count} times (it keeps changing on the server, or the server cannot resume); try again later.</source>
            <translation>Abandon de {name} : il a fallu le reprendre depuis le début {count} fois (il change sans cesse sur le serveur, ou le serveur ne sait pas reprendre) ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>Gave up on {name}: the server sent {received} for it, more than the {budget} allowed, without completing it.</source>
            <translation>Abandon de {name} : le serveur a envoyé {received} pour ce fichier, plus que les {budget} permis, sans le terminer.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: {host} redirects from https to plain http ({target}); refused.</source>
            <translation>Impossible de télécharger {name} : {host} redirige de https vers http non chiffré ({target}) ; refusé.</translation>
        </message>
        <message>
            <source>{path} is not a readable zip file (truncated or damaged: {cause}).</source>
            <translation>{path} n’est pas un fichier zip lisible (tronqué ou abîmé : {cause}).</translation>
        </message>
        <message>
            <source>Unsafe folder {member!r} in {package}.</source>
            <translation>Dossier dangereux « {member} » dans {package}.</translation>
        </message>
        <message>
            <source>Unsafe member {member!r} in {package}: {problem}.</source>
            <translation>Fichier dangereux « {member} » dans {package} : {problem}.</translation>
        </message>
        <message>
            <source>{member} in {package} is a symbolic link; refused.</source>
            <translation>{member} dans {package} est un lien symbolique ; refusé.</translation>
        </message>
        <message>
            <source>{member} in {package} is encrypted or uses an unsupported compression method; refused.</source>
            <translation>{member} dans {package} est chiffré ou utilise une méthode de compression non prise en charge ; refusé.</translation>
        </message>
        <message>
            <source>{member} appears twice in {package}.</source>
            <translation>{member} apparaît deux fois dans {package}.</translation>
        </message>
        <message>
            <source>{member} cannot be read from {package}: {cause}</source>
            <translation>Impossible de lire {member} dans {package} : {cause}</translation>
        </message>
        <message>
            <source>{path} cannot be read: {cause}</source>
            <translation>Impossible de lire {path} : {cause}</translation>
        </message>
        <message>
            <source>Cancelled; what was already fetched is kept for next time.</source>
            <translation>Annulé ; ce qui a déjà été récupéré est gardé pour la prochaine fois.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} refused the credentials (HTTP {status}); check the LRS user name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</source>
            <translation>Le LRS à {endpoint} a refusé les identifiants (HTTP {status}) ; vérifiez le nom d’utilisateur et le mot de passe du LRS dans les paramètres ou COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} refused access (HTTP {status}); check the LRS user name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</source>
            <translation>Le LRS à {endpoint} a refusé l’accès (HTTP {status}) ; vérifiez le nom d’utilisateur et le mot de passe du LRS dans les paramètres ou COURSE_PLAYER_LRS_USERNAME/_PASSWORD.</translation>
        </message>
        <message>
            <source>The LRS endpoint {endpoint!r} from {origin} is not an http(s) URL.</source>
            <translation>L’adresse du LRS « {endpoint} » ({origin}) n’est pas une adresse http(s).</translation>
        </message>
        <message>
            <source>{path} is a folder; give a file name such as {example}.</source>
            <translation>{path} est un dossier ; donnez un nom de fichier comme {example}.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>Le dossier {folder} n’existe pas.</translation>
        </message>
        <message>
            <source>Cannot write {path}: {cause}.</source>
            <translation>Impossible d’écrire {path} : {cause}.</translation>
        </message>
        <message>
            <source>Cannot read {path}: {cause}.</source>
            <translation>Impossible de lire {path} : {cause}.</translation>
        </message>
        <message>
            <source>The CA bundle {path} does not exist.</source>
            <translation>Le fichier de certificats (CA) {path} n’existe pas.</translation>
        </message>
        <message>
            <source>Not enough free disk: {needed} needed, {free} free in {folder}.</source>
            <translation>Espace disque insuffisant : il faut {needed}, il reste {free} dans {folder}.</translation>
        </message>
        <message>
            <source>the server's certificate could not be verified</source>
            <translation>le certificat du serveur n’a pas pu être vérifié</translation>
        </message>
        <message>
            <source>its name could not be resolved (DNS)</source>
            <translation>son nom n’a pas pu être résolu (DNS)</translation>
        </message>
        <message>
            <source>the connection was refused</source>
            <translation>la connexion a été refusée</translation>
        </message>
        <message>
            <source>the connection timed out</source>
            <translation>la connexion a expiré</translation>
        </message>
        <message>
            <source>the server stopped sending</source>
            <translation>le serveur a cessé d’envoyer</translation>
        </message>
        <message>
            <source>the connection was reset</source>
            <translation>la connexion a été réinitialisée</translation>
        </message>
        <message>
            <source>the connection broke mid-file</source>
            <translation>la connexion a été coupée en cours de fichier</translation>
        </message>
        <message>
            <source>Gave up on {name}: {reason}, and no data arrived for {seconds:.0f} s.</source>
            <translation>Abandon de {name} : {reason}, et aucune donnée n’est arrivée depuis {seconds:.0f} s.</translation>
        </message>
        <message>
            <source>{name} {problem}, twice.</source>
            <translation>{name} {problem}, deux fois de suite.</translation>
        </message>
        <message>
            <source>has {actual} bytes but its manifest declares {size}</source>
            <translation>fait {actual} octets mais son manifeste en déclare {size}</translation>
        </message>
        <message>
            <source>does not match its SHA-256 in the manifest</source>
            <translation>ne correspond pas à son SHA-256 dans le manifeste</translation>
        </message>
        <message>
            <source>the server refused to resume; starting the file over</source>
            <translation>le serveur a refusé de reprendre ; le fichier recommence depuis le début</translation>
        </message>
        <message>
            <source>the server sent the wrong part of the file; starting it over</source>
            <translation>le serveur a envoyé la mauvaise partie du fichier ; il recommence depuis le début</translation>
        </message>
        <message>
            <source>{name}: the server ignores range requests and the link broke during the full fetch; try again on a steadier link.</source>
            <translation>{name} : le serveur ne sait pas reprendre un téléchargement et la connexion a été coupée en cours de route ; réessayez avec une connexion plus stable.</translation>
        </message>
        <message>
            <source>{name}: too many redirects from {host}.</source>
            <translation>{name} : trop de redirections depuis {host}.</translation>
        </message>
        <message>
            <source>Cannot fetch {name} from {host}: {reason}.</source>
            <translation>Impossible de récupérer {name} depuis {host} : {reason}.</translation>
        </message>
        <message>
            <source>{url} is not a valid URL ({kind}).</source>
            <translation>{url} n’est pas une adresse valide ({kind}).</translation>
        </message>
        <message>
            <source>cannot reach {host}: {reason}</source>
            <translation>impossible de joindre {host} : {reason}</translation>
        </message>
        <message>
            <source>the server answered {status}</source>
            <translation>le serveur a répondu {status}</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: the server answered {status}{reason}.</source>
            <translation>Impossible de récupérer {name} : le serveur a répondu {status}{reason}.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: unexpected answer {status} from the server.</source>
            <translation>Impossible de récupérer {name} : réponse inattendue {status} du serveur.</translation>
        </message>
        <message>
            <source>The disk is full while downloading {name}.</source>
            <translation>Le disque est plein pendant le téléchargement de {name}.</translation>
        </message>
        <message>
            <source>Gave up on {name}: {reason}, for {seconds:.0f} s.</source>
            <translation>Abandon de {name} : {reason}, pendant {seconds:.0f} s.</translation>
        </message>
        <message>
            <source>{where} is not an Ed25519 public key ({expected}).</source>
            <translation>{where} n’est pas une clé publique Ed25519 ({expected}).</translation>
        </message>
        <message>
            <source>{where} is not valid base64 ({expected}).</source>
            <translation>{where} n’est pas du base64 valide ({expected}).</translation>
        </message>
        <message>
            <source>{where} holds {actual} bytes, not {size} ({expected}).</source>
            <translation>{where} contient {actual} octets, et non {size} ({expected}).</translation>
        </message>
        <message>
            <source>{course} carries a signature but its manifest names no publisher.key; refused.</source>
            <translation>{course} porte une signature mais son manifeste ne nomme aucune publisher.key ; refusé.</translation>
        </message>
        <message>
            <source>The signature of {course} is {actual} bytes, not {size} (truncated or damaged); refused.</source>
            <translation>La signature de {course} fait {actual} octets, et non {size} (tronquée ou abîmée) ; refusé.</translation>
        </message>
        <message>
            <source>The signature of {course} does not match its course.json (altered copy, or not signed by {key}); refused.</source>
            <translation>La signature de {course} ne correspond pas à son course.json (copie modifiée, ou non signée par {key}) ; refusé.</translation>
        </message>
        <message>
            <source>none (unsigned)</source>
            <translation>aucune (non signé)</translation>
        </message>
        <message>
            <source>{course} was signed by {pinned} and this package is unsigned; refused (it may be an altered copy).</source>
            <translation>{course} était signé par {pinned} et ce paquet n’est pas signé ; refusé (il peut s’agir d’une copie modifiée).</translation>
        </message>
        <message>
            <source>{course} was signed by {pinned} but this package is signed by {key}; refused (if the publisher really changed its key, install again with --trust-new-key).</source>
            <translation>{course} était signé par {pinned} mais ce paquet est signé par {key} ; refusé (si l’éditeur a vraiment changé de clé, réinstallez avec --trust-new-key).</translation>
        </message>
        <message>
            <source>{path} is not a folder, and not a file name ending in .zip.</source>
            <translation>{path} n’est ni un dossier, ni un nom de fichier terminé par .zip.</translation>
        </message>
        <message>
            <source>{folder} is full; the copy was removed. Free some space or use a bigger stick.</source>
            <translation>{folder} est plein ; la copie a été supprimée. Libérez de l’espace ou utilisez une clé plus grande.</translation>
        </message>
        <message>
            <source>{folder} is read-only (write-protected stick?); nothing was written there.</source>
            <translation>{folder} est en lecture seule (clé protégée en écriture ?) ; rien n’y a été écrit.</translation>
        </message>
        <message>
            <source>Writing to {folder} failed ({cause}): was the stick removed? The partial copy was removed; the course here is untouched.</source>
            <translation>L’écriture dans {folder} a échoué ({cause}) : la clé a-t-elle été retirée ? La copie partielle a été supprimée ; le cours sur cet ordinateur est intact.</translation>
        </message>
        <message>
            <source>{course} was installed with only some video qualities; {count} file(s) its package lists are not on this computer (first: {first}). Install it in full (without --quality) to export it.</source>
            <translation>{course} a été installé avec seulement certaines qualités vidéo ; {count} fichier(s) de son paquet ne sont pas sur cet ordinateur (le premier : {first}). Installez-le en entier (sans --quality) pour l’exporter.</translation>
        </message>
        <message>
            <source>{path} of {course} is missing from the data folder; reinstall the course before exporting it.</source>
            <translation>{path} de {course} manque dans le dossier de données ; réinstallez le cours avant de l’exporter.</translation>
        </message>
        <message>
            <source>{folder} has {free} free; {course} needs {needed}. Free some space or use a bigger stick.</source>
            <translation>Il reste {free} sur {folder} ; {course} demande {needed}. Libérez de l’espace ou utilisez une clé plus grande.</translation>
        </message>
        <message>
            <source>{path} is damaged in the data folder (hash differs); reinstall the course before exporting it.</source>
            <translation>{path} est abîmé dans le dossier de données (empreinte différente) ; réinstallez le cours avant de l’exporter.</translation>
        </message>
        <message>
            <source>The copy vanished from {folder} while writing: was the stick removed? The course here is untouched.</source>
            <translation>La copie a disparu de {folder} pendant l’écriture : la clé a-t-elle été retirée ? Le cours sur cet ordinateur est intact.</translation>
        </message>
        <message>
            <source>The copy on the drive is unreadable ({cause}).</source>
            <translation>La copie sur le support est illisible ({cause}).</translation>
        </message>
        <message>
            <source>The copy's course.json differs from the installed one.</source>
            <translation>Le course.json de la copie diffère de celui qui est installé.</translation>
        </message>
        <message>
            <source>The copy on the drive is damaged ({cause}); the drive may be failing.</source>
            <translation>La copie sur le support est abîmée ({cause}) ; le support est peut-être défaillant.</translation>
        </message>
        <message>
            <source>{path} must end in .pdf.</source>
            <translation>{path} doit se terminer par .pdf.</translation>
        </message>
        <message>
            <source>Cannot write the PDF {path}: {reason}.</source>
            <translation>Impossible d’écrire le PDF {path} : {reason}.</translation>
        </message>
        <message>
            <source>Cannot write the PDF {path}.</source>
            <translation>Impossible d’écrire le PDF {path}.</translation>
        </message>
        <message>
            <source>{course} has no reading page {lesson}.</source>
            <translation>Le cours {course} n’a pas de page de lecture {lesson}.</translation>
        </message>
        <message>
            <source>The page {page} of {course} is not installed.</source>
            <translation>La page {page} du cours {course} n’est pas installée.</translation>
        </message>
        <message>
            <source>A trusted key needs a name.</source>
            <translation>Une clé de confiance doit avoir un nom.</translation>
        </message>
        <message>
            <source>A publisher name has at most {limit} characters.</source>
            <translation>Un nom d’éditeur compte au plus {limit} caractères.</translation>
        </message>
        <message>
            <source>The name {name!r} mixes scripts ({scripts}), as look-alike names do; refused.</source>
            <translation>Le nom {name!r} mélange plusieurs écritures ({scripts}), comme les noms qui en imitent d’autres ; refusé.</translation>
        </message>
        <message>
            <source>{name!r} is the name of a publisher that ships with this app, with the key {shipped}; choose another name for {key}.</source>
            <translation>{name!r} est le nom d’un éditeur fourni avec l’application, avec la clé {shipped} ; choisissez un autre nom pour {key}.</translation>
        </message>
        <message>
            <source>{key} ships with this app (assets/trusted-keys.txt); it cannot be removed here.</source>
            <translation>{key} est fournie avec l’application (assets/trusted-keys.txt) ; elle ne peut pas être retirée ici.</translation>
        </message>
        <message>
            <source>{key} is not in the list of trusted keys.</source>
            <translation>{key} n’est pas dans la liste des clés de confiance.</translation>
        </message>
        <message>
            <source>{key} names {count} trusted keys; give the whole key.</source>
            <translation>{key} désigne {count} clés de confiance ; donnez la clé entière.</translation>
        </message>
        <message>
            <source>{path} is neither a key (ed25519:...) nor an existing file.</source>
            <translation>{path} n’est ni une clé (ed25519:...) ni un fichier existant.</translation>
        </message>
        <message>
            <source>{path} holds no ed25519: key and is not a package.</source>
            <translation>{path} ne contient aucune clé ed25519: et n’est pas un paquet de cours.</translation>
        </message>
        <message>
            <source>{path} is not signed: it names no key to trust.</source>
            <translation>{path} n’est pas signé : il ne désigne aucune clé à laquelle faire confiance.</translation>
        </message>
        <message>
            <source>{course}: the publisher name {publisher!r} mixes scripts ({scripts}), as look-alike names do; refused.</source>
            <translation>{course} : le nom d’éditeur {publisher!r} mélange plusieurs écritures ({scripts}), comme les noms qui en imitent d’autres ; refusé.</translation>
        </message>
        <message>
            <source>{course} claims the name of the trusted publisher {publisher!r} (key {owner}), but it is signed by {key}; refused.</source>
            <translation>{course} se réclame de l’éditeur de confiance {publisher!r} (clé {owner}), mais il est signé par {key} ; refusé.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: the server does not have this file ({status}); check the address.</source>
            <translation>Impossible de récupérer {name} : le serveur ne trouve pas ce fichier ({status}) ; vérifiez l’adresse.</translation>
        </message>
        <message>
            <source>Cannot fetch {name}: the server refuses access to it ({status}); ask whoever gave you the address.</source>
            <translation>Impossible de récupérer {name} : le serveur en refuse l’accès ({status}) ; demandez-le à la personne qui vous a donné l’adresse.</translation>
        </message>
        <message>
            <source>Question {question!r} has no choice {choice!r} (choices: {choices}).</source>
            <translation>La question « {question} » n’a pas de choix « {choice} » (choix : {choices}).</translation>
        </message>
        <message>
            <source>Question {question!r} takes a list of choices.</source>
            <translation>La question « {question} » attend une liste de choix.</translation>
        </message>
        <message>
            <source>Question {question!r} has no choice {choice!r}.</source>
            <translation>La question « {question} » n’a pas de choix « {choice} ».</translation>
        </message>
        <message>
            <source>Question {question!r}: a choice is picked twice.</source>
            <translation>Question « {question} » : un choix est coché deux fois.</translation>
        </message>
        <message>
            <source>Question {question!r} takes true or false.</source>
            <translation>La question « {question} » attend vrai ou faux.</translation>
        </message>
        <message>
            <source>Question {question!r} has an unknown kind {kind!r}.</source>
            <translation>La question « {question} » est d’un type inconnu, « {kind} ».</translation>
        </message>
        <message>
            <source>Question {question!r} takes a text answer.</source>
            <translation>La question « {question} » attend une réponse écrite.</translation>
        </message>
        <message>
            <source>There is no learner with id {learner}.</source>
            <translation>Il n’y a pas d’apprenant numéro {learner}.</translation>
        </message>
        <message>
            <source>There is no learner named {name!r}; see 'course-player learners list'.</source>
            <translation>Aucun apprenant ne s’appelle « {name} » ; voir « course-player learners list ».</translation>
        </message>
        <message>
            <source>There is no quiz attempt {attempt}.</source>
            <translation>Il n’y a pas de tentative de quiz numéro {attempt}.</translation>
        </message>
        <message>
            <source>Attempt {attempt} belongs to course {course!r}.</source>
            <translation>La tentative {attempt} appartient au cours « {course} ».</translation>
        </message>
        <message>
            <source>Quiz {lesson!r} has no question {question!r}.</source>
            <translation>Le quiz « {lesson} » n’a pas de question « {question} ».</translation>
        </message>
        <message>
            <source>Question {question!r} takes a rating from 1 to 5.</source>
            <translation>La question « {question} » attend une note de 1 à 5.</translation>
        </message>
        <message>
            <source>Survey {lesson!r} has no question {question!r}.</source>
            <translation>Le questionnaire « {lesson} » n’a pas de question « {question} ».</translation>
        </message>
        <message>
            <source>The elapsed time</source>
            <translation>Le temps écoulé</translation>
        </message>
        <message>
            <source>The time spent</source>
            <translation>Le temps passé</translation>
        </message>
        <message>
            <source>The position</source>
            <translation>La position</translation>
        </message>
        <message>
            <source>The duration</source>
            <translation>La durée</translation>
        </message>
        <message>
            <source>Lost the progress of lesson {lesson!r}.</source>
            <translation>La progression de la leçon « {lesson} » a été perdue.</translation>
        </message>
        <message>
            <source>Course {course!r} has no lesson {lesson!r}.</source>
            <translation>Le cours « {course} » n’a pas de leçon « {lesson} ».</translation>
        </message>
        <message>
            <source>Lesson {lesson!r} is a {kind} lesson, not a {expected} lesson.</source>
            <translation>La leçon « {lesson} » est de type {kind}, pas {expected}.</translation>
        </message>
        <message>
            <source>{what} must be a number of seconds.</source>
            <translation>{what} doit être un nombre de secondes.</translation>
        </message>
        <message>
            <source>{what} must be a finite number of seconds ≥ 0, not {value}.</source>
            <translation>{what} doit être un nombre fini de secondes ≥ 0, et non {value}.</translation>
        </message>
        <message>
            <source>Video playback is unavailable: libVLC could not be loaded ({reason}).</source>
            <translation>La lecture vidéo est impossible : libVLC n’a pas pu être chargé ({reason}).</translation>
        </message>
        <message>
            <source>Video playback is unavailable: libVLC started without its plugins (install VLC or its plugin packages).</source>
            <translation>La lecture vidéo est impossible : libVLC a démarré sans ses modules (installez VLC ou ses paquets de modules).</translation>
        </message>
        <message>
            <source>The video file is missing: {path}</source>
            <translation>Le fichier vidéo est introuvable : {path}</translation>
        </message>
        <message>
            <source>There is no subtitle track number {number}.</source>
            <translation>Il n’y a pas de piste de sous-titres numéro {number}.</translation>
        </message>
        <message>
            <source>Video playback is unavailable: VLC refused to start.</source>
            <translation>La lecture vidéo est impossible : VLC a refusé de démarrer.</translation>
        </message>
        <message>
            <source>{address!r} is not a hub address; type it as shown on the hub, e.g. 192.168.1.10:8765.</source>
            <translation>{address!r} n’est pas l’adresse d’un poste d’atelier ; tapez-la comme elle s’affiche sur le poste, par exemple 192.168.1.10:8765.</translation>
        </message>
        <message>
            <source>Type the hub's pairing code.</source>
            <translation>Tapez le code d’appairage du poste d’atelier.</translation>
        </message>
        <message>
            <source>Cannot reach the hub at {url}; check that this laptop is on the same Wi-Fi and that the hub is sharing.</source>
            <translation>Impossible de joindre le poste d’atelier {url} ; vérifiez que cet ordinateur est sur le même Wi-Fi et que le poste partage ses cours.</translation>
        </message>
        <message>
            <source>The hub at {url} refused the pairing code; check it and try again.</source>
            <translation>Le poste d’atelier {url} a refusé le code d’appairage ; vérifiez-le et réessayez.</translation>
        </message>
        <message>
            <source>{url} does not answer as a course hub.</source>
            <translation>{url} ne répond pas comme un poste d’atelier.</translation>
        </message>
        <message>
            <source>The hub at {url} refused this laptop's pairing; pair again with the code shown on the hub.</source>
            <translation>Le poste d’atelier {url} a refusé l’appairage de cet ordinateur ; appairez-le de nouveau avec le code affiché sur le poste.</translation>
        </message>
        <message>
            <source>Cannot read the courses of the hub at {url}; check the address and that the hub is sharing.</source>
            <translation>Impossible de lire les cours du poste d’atelier {url} ; vérifiez l’adresse et que le poste partage ses cours.</translation>
        </message>
        <message>
            <source>Cannot serve on {bind} port {port}: {reason} (another hub running? try another --port).</source>
            <translation>Impossible de partager sur {bind}, port {port} : {reason} (un autre partage est-il en cours ? essayez un autre --port).</translation>
        </message>
        <message>
            <source>Too many wrong PINs: try again in {seconds} s.</source>
            <translation>Trop de codes PIN erronés : réessayez dans {seconds} s.</translation>
        </message>
        <message>
            <source>No LRS is configured: give its address (stats --lrs URL), or configure one with course-player sync --configure URL (or {variable}).</source>
            <translation>Aucun LRS n’est configuré : indiquez son adresse (stats --lrs URL) ou configurez-en un avec course-player sync --configure URL (ou {variable}).</translation>
        </message>
        <message>
            <source>The LRS lists more than {limit} statements for this course; the report stops there (raise --max-statements to read more).</source>
            <translation>Le LRS liste plus de {limit} déclarations pour ce cours ; le rapport s’arrête là (augmentez --max-statements pour en lire davantage).</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} sent a 'more' link to another server ({origin}); it was not followed.</source>
            <translation>Le LRS à l’adresse {endpoint} a renvoyé un lien « more » vers un autre serveur ({origin}) ; il n’a pas été suivi.</translation>
        </message>
        <message>
            <source>Cannot read statements from {endpoint}: {cause}. Run the same command again to continue where it stopped.</source>
            <translation>Impossible de lire les déclarations de {endpoint} : {cause}. Relancez la même commande pour reprendre là où elle s’est arrêtée.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} refused to list statements (HTTP {status}); check the LRS user name and password (course-player sync --configure) and that they may read statements.</source>
            <translation>Le LRS à l’adresse {endpoint} a refusé de lister les déclarations (HTTP {status}) ; vérifiez le nom d’utilisateur et le mot de passe du LRS (course-player sync --configure) et qu’ils permettent de lire les déclarations.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} answered with a redirect (HTTP {status}); redirects are not followed. Check the LRS address.</source>
            <translation>Le LRS à l’adresse {endpoint} a répondu par une redirection (HTTP {status}) ; les redirections ne sont pas suivies. Vérifiez l’adresse du LRS.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} answered HTTP {status} when asked for statements. Run the same command again to continue where it stopped.</source>
            <translation>Le LRS à l’adresse {endpoint} a répondu HTTP {status} à la demande de déclarations. Relancez la même commande pour reprendre là où elle s’est arrêtée.</translation>
        </message>
        <message>
            <source>The LRS at {endpoint} sent a page of statements {problem}.</source>
            <translation>Le LRS à l’adresse {endpoint} a envoyé une page de déclarations illisible ({problem}).</translation>
        </message>
        <message>
            <source>Say where the statements are: --lrs [ENDPOINT] (an LRS) or --from FILE.jsonl (progress files).</source>
            <translation>Indiquez où sont les déclarations : --lrs [ADRESSE] (un LRS) ou --from FICHIER.jsonl (fichiers de progression).</translation>
        </message>
        <message>
            <source>Not a subtitle choice: {choice!r}.</source>
            <translation>Ce n’est pas un choix de sous-titres : « {choice} ».</translation>
        </message>
        <message>
            <source>A playback speed is from {low}× to {high}×.</source>
            <translation>Une vitesse de lecture va de {low}× à {high}×.</translation>
        </message>
        <message>
            <source>A text size is one of {sizes} %.</source>
            <translation>Une taille de texte est l’une de : {sizes} %.</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>Unexpected error: %1</source>
            <translation>Erreur inattendue : %1</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>Course Player</source>
            <translation>Course Player</translation>
        </message>
        <message>
            <source>You can start with empty progress: the damaged file is moved to the backups folder, nothing is deleted. Progress already sent to your organisation or saved on a USB stick can be imported again.</source>
            <translation>Vous pouvez repartir avec une progression vide : le fichier endommagé est déplacé dans le dossier des sauvegardes, rien n’est effacé. La progression déjà envoyée à votre organisation ou enregistrée sur une clé USB peut être importée à nouveau.</translation>
        </message>
        <message>
            <source>Start with empty progress</source>
            <translation>Repartir avec une progression vide</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quitter</translation>
        </message>
    </context>
    <context>
        <name>AddKeyDialog</name>
        <message>
            <source>Trust a publisher's key</source>
            <translation>Faire confiance à la clé d’un éditeur</translation>
        </message>
        <message>
            <source>&amp;Key:</source>
            <translation>&amp;Clé :</translation>
        </message>
        <message>
            <source>From a &amp;file…</source>
            <translation>Depuis un &amp;fichier…</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>Empreinte :</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;Courses:</source>
            <translation>&amp;Cours :</translation>
        </message>
        <message>
            <source>course ids, separated by commas (empty: any)</source>
            <translation>identifiants de cours, séparés par des virgules (vide : tous)</translation>
        </message>
        <message>
            <source>&amp;Trust this key</source>
            <translation>&amp;Faire confiance à cette clé</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>(not a valid key)</source>
            <translation>(clé non valide)</translation>
        </message>
        <message>
            <source>Compare it with the one the publisher gave you.</source>
            <translation>Comparez-la avec celle que l’éditeur vous a donnée.</translation>
        </message>
        <message>
            <source>A key file or a signed course package</source>
            <translation>Un fichier de clé ou un paquet de cours signé</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lecture…</translation>
        </message>
    </context>
    <context>
        <name>TrustedKeysBox</name>
        <message>
            <source>Trusted publishers</source>
            <translation>Éditeurs de confiance</translation>
        </message>
        <message>
            <source>Only a course signed by one of these keys is shown as “verified”. Add a key only if its publisher gave it to you, and check its fingerprint with them.</source>
            <translation>Seul un cours signé par l’une de ces clés est affiché comme « vérifié ». N’ajoutez une clé que si son éditeur vous l’a donnée, et vérifiez son empreinte avec lui.</translation>
        </message>
        <message>
            <source>&amp;Add a key…</source>
            <translation>&amp;Ajouter une clé…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Reti&amp;rer</translation>
        </message>
        <message>
            <source>any course</source>
            <translation>tous les cours</translation>
        </message>
        <message>
            <source>%1; comes with the app</source>
            <translation>%1 ; fournie avec l’application</translation>
        </message>
    </context>
    <context>
        <name>NetworkCoursesPanel</name>
        <message>
            <source>Looking for courses on the network…</source>
            <translation>Recherche de cours sur le réseau…</translation>
        </message>
        <message>
            <source>%1 (version %2, %3) — hub %4</source>
            <translation>%1 (version %2, %3) — poste %4</translation>
        </message>
        <message>
            <source>No course found. If the Wi-Fi blocks discovery, type the address the trainer's laptop shows.</source>
            <translation>Aucun cours trouvé. Si le Wi-Fi empêche la découverte, tapez l’adresse affichée sur l’ordinateur du formateur.</translation>
        </message>
        <message>
            <source>A trainer's laptop sharing in a workshop offers its courses to every laptop on the same Wi-Fi, with no internet needed.</source>
            <translation>L’ordinateur d’un formateur qui partage en atelier propose ses cours à tous les ordinateurs du même Wi-Fi, sans besoin d’internet.</translation>
        </message>
        <message>
            <source>&amp;Search the network</source>
            <translation>&amp;Chercher sur le réseau</translation>
        </message>
        <message>
            <source>Show this course</source>
            <translation>Voir ce cours</translation>
        </message>
        <message>
            <source>Or the hub's &amp;address:</source>
            <translation>Ou l’&amp;adresse du poste d’atelier :</translation>
        </message>
        <message>
            <source>Address of the hub</source>
            <translation>Adresse du poste d’atelier</translation>
        </message>
        <message>
            <source>Show its courses</source>
            <translation>Voir ses cours</translation>
        </message>
        <message>
            <source>Courses on the network</source>
            <translation>Cours sur le réseau</translation>
        </message>
    </context>
    <context>
        <name>WorkshopDialog</name>
        <message>
            <source>Stop sharing</source>
            <translation>Arrêter le partage</translation>
        </message>
        <message>
            <source>Start sharing</source>
            <translation>Commencer le partage</translation>
        </message>
        <message>
            <source>QR code of the address and the pairing code</source>
            <translation>QR code de l’adresse et du code d’appairage</translation>
        </message>
        <message numerus="yes">
            <source>%n statement(s) received from laptops.</source>
            <translation>
                <numerusform>%n déclaration reçue des ordinateurs.</numerusform>
                <numerusform>%n déclarations reçues des ordinateurs.</numerusform>
            </translation>
        </message>
        <message>
            <source>Paired with the hub %1 (%2): progress is sent there.</source>
            <translation>Appairé avec le poste d’atelier %1 (%2) : la progression y est envoyée.</translation>
        </message>
        <message>
            <source>Not paired with a hub.</source>
            <translation>Pas d’appairage avec un poste d’atelier.</translation>
        </message>
        <message>
            <source>Share in a workshop</source>
            <translation>Partager en atelier</translation>
        </message>
        <message>
            <source>Share this laptop's courses</source>
            <translation>Partager les cours de cet ordinateur</translation>
        </message>
        <message>
            <source>Laptops on the same Wi-Fi install the courses from this one and send it their progress; this laptop forwards it when it is online. Sharing goes on when this window is closed, until you stop it or quit the app. On Windows, answer “Allow” for private networks when the firewall asks.</source>
            <translation>Les ordinateurs du même Wi-Fi installent les cours depuis celui-ci et lui envoient leur progression ; cet ordinateur la transmet quand il est en ligne. Le partage continue quand cette fenêtre est fermée, jusqu’à ce que vous l’arrêtiez ou quittiez l’application. Sous Windows, répondez « Autoriser » pour les réseaux privés quand le pare-feu le demande.</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Adresse :</translation>
        </message>
        <message>
            <source>Pairing code:</source>
            <translation>Code d’appairage :</translation>
        </message>
        <message>
            <source>Send my progress to a hub</source>
            <translation>Envoyer ma progression à un poste d’atelier</translation>
        </message>
        <message>
            <source>Type the address and the code the trainer's laptop shows (or paste the address read from its QR code).</source>
            <translation>Tapez l’adresse et le code affichés sur l’ordinateur du formateur (ou collez l’adresse lue dans son QR code).</translation>
        </message>
        <message>
            <source>Hub address:</source>
            <translation>Adresse du poste :</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>Code :</translation>
        </message>
        <message>
            <source>Pair</source>
            <translation>Appairer</translation>
        </message>
        <message>
            <source>Forget this hub</source>
            <translation>Oublier ce poste</translation>
        </message>
    </context>
    <context>
        <name>HubSettingRow</name>
        <message>
            <source>Workshop hub: %1 (%2)</source>
            <translation>Poste d’atelier : %1 (%2)</translation>
        </message>
        <message>
            <source>Workshop hub: none (progress goes to the LRS only).</source>
            <translation>Poste d’atelier : aucun (la progression va seulement au LRS).</translation>
        </message>
        <message>
            <source>&amp;Workshop…</source>
            <translation>&amp;Atelier…</translation>
        </message>
    </context>
    <context>
        <name>DashboardCsv</name>
        <message>
            <source>Course</source>
            <translation>Cours</translation>
        </message>
        <message>
            <source>Course version</source>
            <translation>Version du cours</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Apprenant</translation>
        </message>
        <message>
            <source>Learner identifier</source>
            <translation>Identifiant de l’apprenant</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Lessons done</source>
            <translation>Leçons faites</translation>
        </message>
        <message>
            <source>Lessons in the module</source>
            <translation>Leçons du module</translation>
        </message>
        <message>
            <source>Best quiz score</source>
            <translation>Meilleur score au quiz</translation>
        </message>
        <message>
            <source>Time spent</source>
            <translation>Temps passé</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>Dernière activité</translation>
        </message>
        <message>
            <source>Module completed on</source>
            <translation>Module terminé le</translation>
        </message>
        <message>
            <source>Course complete</source>
            <translation>Cours terminé</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Envoi</translation>
        </message>
        <message>
            <source>Results waiting to be sent</source>
            <translation>Résultats en attente d’envoi</translation>
        </message>
        <message>
            <source>Known from</source>
            <translation>Connu par</translation>
        </message>
        <message>
            <source>Imported from</source>
            <translation>Importé de</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>terminé</translation>
        </message>
        <message>
            <source>open</source>
            <translation>ouvert</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>verrouillé</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>non signalé</translation>
        </message>
        <message>
            <source>nothing to send</source>
            <translation>rien à envoyer</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>en attente</translation>
        </message>
        <message>
            <source>all sent</source>
            <translation>tout envoyé</translation>
        </message>
        <message>
            <source>refused by the server</source>
            <translation>refusé par le serveur</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation>cet ordinateur</translation>
        </message>
        <message>
            <source>a progress file</source>
            <translation>un fichier de progression</translation>
        </message>
    </context>
    <context>
        <name>ProgressToUsbDialog</name>
        <message>
            <source>Export every learner's progress to a USB stick</source>
            <translation>Exporter la progression de tous les apprenants vers une clé USB</translation>
        </message>
        <message>
            <source>Every learner's progress on this computer</source>
            <translation>La progression de tous les apprenants de cet ordinateur</translation>
        </message>
        <message>
            <source>Export my progress to a USB stick</source>
            <translation>Exporter ma progression vers une clé USB</translation>
        </message>
        <message>
            <source>The progress of %1</source>
            <translation>La progression de %1</translation>
        </message>
        <message>
            <source>The results not yet sent are written as one progress file, time spent included. On the trainer's computer, open the trainer dashboard and import it.</source>
            <translation>Les résultats pas encore envoyés sont écrits dans un fichier de progression, temps passé compris. Sur l’ordinateur du formateur, ouvrez le tableau de bord du formateur et importez-le.</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exporter</translation>
        </message>
        <message>
            <source>Writing the progress file… Do not remove the stick.</source>
            <translation>Écriture du fichier de progression… Ne retirez pas la clé.</translation>
        </message>
        <message numerus="yes">
            <source>%n result(s) copied to %1, to import on the trainer's computer.</source>
            <translation>
                <numerusform>%n résultat copié dans %1, à importer sur l’ordinateur du formateur.</numerusform>
                <numerusform>%n résultats copiés dans %1, à importer sur l’ordinateur du formateur.</numerusform>
            </translation>
        </message>
        <message>
            <source>No result to copy: everything was already sent.</source>
            <translation>Aucun résultat à copier : tout a déjà été envoyé.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Everywhere</source>
            <translation>Partout</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>Next button or field</source>
            <translation>Bouton ou champ suivant</translation>
        </message>
        <message>
            <source>Shift+Tab</source>
            <translation>Maj+Tab</translation>
        </message>
        <message>
            <source>Previous button or field</source>
            <translation>Bouton ou champ précédent</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Espace</translation>
        </message>
        <message>
            <source>Press the button, tick the box</source>
            <translation>Appuyer sur le bouton, cocher la case</translation>
        </message>
        <message>
            <source>Alt+Left arrow</source>
            <translation>Alt+Flèche gauche</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Ctrl+Home</source>
            <translation>Ctrl+Début</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <source>Ctrl+O</source>
            <translation>Ctrl+O</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Ajouter un cours</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Switch learner</source>
            <translation>Changer d’apprenant</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Maj+D</translation>
        </message>
        <message>
            <source>Trainer dashboard</source>
            <translation>Tableau de bord formateur</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>This list of shortcuts</source>
            <translation>Cette liste de raccourcis</translation>
        </message>
        <message>
            <source>Alt+underlined letter</source>
            <translation>Alt+lettre soulignée</translation>
        </message>
        <message>
            <source>Press that button</source>
            <translation>Appuyer sur ce bouton</translation>
        </message>
        <message>
            <source>Quiz and survey</source>
            <translation>Quiz et questionnaire</translation>
        </message>
        <message>
            <source>Up arrow, Down arrow</source>
            <translation>Flèche haut, flèche bas</translation>
        </message>
        <message>
            <source>Previous or next answer choice</source>
            <translation>Choix de réponse précédent ou suivant</translation>
        </message>
        <message>
            <source>Pick the answer choice that has the focus</source>
            <translation>Choisir la réponse qui a le focus</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <source>After a typed answer: next question</source>
            <translation>Après une réponse tapée : question suivante</translation>
        </message>
        <message>
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Entrée</translation>
        </message>
        <message>
            <source>Submit the answers</source>
            <translation>Valider les réponses</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>Play or pause</source>
            <translation>Lecture ou pause</translation>
        </message>
        <message>
            <source>Left arrow</source>
            <translation>Flèche gauche</translation>
        </message>
        <message>
            <source>Back 10 seconds</source>
            <translation>Reculer de 10 secondes</translation>
        </message>
        <message>
            <source>Right arrow</source>
            <translation>Flèche droite</translation>
        </message>
        <message>
            <source>Forward 10 seconds</source>
            <translation>Avancer de 10 secondes</translation>
        </message>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Mute or unmute</source>
            <translation>Couper ou rétablir le son</translation>
        </message>
        <message>
            <source>F</source>
            <translation>F</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Plein écran</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Échap</translation>
        </message>
        <message>
            <source>Leave full screen</source>
            <translation>Quitter le plein écran</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Everything in the app can be done with the keyboard alone. The button or field that has the focus is circled in blue.</source>
            <translation>Tout, dans l’application, peut se faire au clavier seul. Le bouton ou le champ qui a le focus est entouré de bleu.</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>What they do</source>
            <translation>Action</translation>
        </message>
    </context>
    <context>
        <name>EmptyLibrary</name>
        <message>
            <source>No course yet: add your first one</source>
            <translation>Aucun cours pour l’instant : ajoutez le premier</translation>
        </message>
        <message>
            <source>From a USB stick</source>
            <translation>Depuis une clé USB</translation>
        </message>
        <message>
            <source>Plug in the stick a trainer gave you, then choose Add a course…: the courses on the stick are listed there.</source>
            <translation>Branchez la clé que votre formateur vous a remise, puis choisissez « Ajouter un cours… » : les cours de la clé y sont listés.</translation>
        </message>
        <message>
            <source>From a web address</source>
            <translation>Depuis une adresse web</translation>
        </message>
        <message>
            <source>Type the address your organisation sent you (it starts with https://). Once installed, the course works without a network.</source>
            <translation>Saisissez l’adresse que votre organisme vous a envoyée (elle commence par https://). Une fois installé, le cours fonctionne sans réseau.</translation>
        </message>
        <message>
            <source>From a workshop hub</source>
            <translation>Depuis un atelier</translation>
        </message>
        <message>
            <source>In a workshop, the trainer&apos;s computer shares its courses on the local network: they appear under Add a course….</source>
            <translation>En atelier, l’ordinateur du formateur partage ses cours sur le réseau local : ils apparaissent dans « Ajouter un cours… ».</translation>
        </message>
        <message>
            <source>Add a course…</source>
            <translation>Ajouter un cours…</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Ajouter un cours</translation>
        </message>
    </context>
    <context>
        <name>ScoreGauge</name>
        <message>
            <source>pass mark %1</source>
            <translation>seuil de réussite %1</translation>
        </message>
    </context>
</TS>
