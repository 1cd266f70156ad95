import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("buurt", "0003_actor_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="Beleidsverwachting",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "bron",
                    models.CharField(
                        choices=[
                            ("stad", "stad of gemeente"),
                            ("financier", "financier"),
                            ("regio", "regio"),
                            ("andere", "andere"),
                        ],
                        max_length=20,
                        verbose_name="van wie",
                    ),
                ),
                ("wat", models.TextField(verbose_name="wat wordt verwacht")),
                ("sinds", models.DateField(verbose_name="sinds")),
                ("tot", models.DateField(blank=True, null=True, verbose_name="tot")),
                ("notitie", models.TextField(blank=True, verbose_name="notitie")),
                (
                    "aangemaakt_op",
                    models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                ),
                (
                    "buurt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="beleidsverwachtingen",
                        to="buurt.buurt",
                        verbose_name="buurt",
                    ),
                ),
            ],
            options={
                "verbose_name": "beleidsverwachting",
                "verbose_name_plural": "beleidsverwachtingen",
                "ordering": ["-sinds", "-id"],
                "indexes": [models.Index(fields=["buurt", "sinds"], name="beleid_buurt_sinds")],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("tot__isnull", True), ("tot__gte", models.F("sinds")), _connector="OR"
                        ),
                        name="beleid_tot_na_sinds",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("bron__in", ["stad", "financier", "regio", "andere"])),
                        name="beleid_geldige_bron",
                    ),
                ],
            },
        ),
    ]
